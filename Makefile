PYTHON ?= .venv/bin/python

.PHONY: help screenshots

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

screenshots:  ## regenerate docs/screenshots/*.png (demo archive, headless Chromium)
	$(PYTHON) tools/screenshots.py --out docs/screenshots
