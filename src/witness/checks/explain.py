"""What each check rule means to a volunteer: a paragraph, an example and what to do.

Shown on the reading room's /checks page and by `witness check --explain RULE`.  Every
registered rule has an entry (tests/test_checks_explain.py holds them in step), and every
example that is a piece of text is run through its rule by that test, so an example can
never show something the rule does not find.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import RULES


@dataclass(frozen=True)
class Explanation:
    rule: str
    what: str                 # one paragraph: what the rule finds and why it matters
    example: str              # a passage (or header) the rule flags
    fix: str                  # what a volunteer does about it
    not_an_error: str         # when to mark a finding "not an error"
    example_is_text: bool = True   # False: the example describes a header, not body text

    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    @property
    def description(self) -> str:
        return RULES[self.rule].description


EXPLANATIONS: dict[str, Explanation] = {e.rule: e for e in (
    Explanation(
        "doubled-word",
        "The same word twice in a row, with only spaces or a line break between them. It "
        "usually comes from a typist's slip or from a line break in the printed page where the "
        "last word of one line was typed again at the start of the next.",
        "It was the responsibility of of this committee to answer the charge.",
        "Delete the second word (the suggestion shows the passage with the word once).",
        "English has real doublings: “had had”, “that that”, “everything that happens happens”. "
        "Read the sentence aloud; if it makes sense with both words, it is not an error."),
    Explanation(
        "unbalanced-bracket",
        "A paragraph opens a parenthesis or bracket and never closes it, or closes one it never "
        "opened. In scanned texts this is often a misread letter: “(he German workers” where the "
        "original has “the”.",
        "The arrest of Rakovsky (which has been firmly confirmed is the sensation of the day.",
        "Compare with the original page: add the missing bracket where the aside ends, or "
        "correct the misread letter.",
        "An aside that really runs over several paragraphs, or a list numbered “1)”, “2)” that "
        "the rule did not recognise."),
    Explanation(
        "unbalanced-quote",
        "A quotation mark that is opened and never closed in its paragraph, closed without being "
        "opened, or a closing mark ” used to open a quotation. Wrongly shaped marks are common "
        "in texts converted from word processors.",
        "He called it “the most important trial of the decade and said no more about it.",
        "Add the missing mark, or replace the wrong one (the suggestion gives the right shape).",
        "A long quotation running over several paragraphs, printed the old way with an opening "
        "mark on each paragraph and a closing mark only on the last one."),
    Explanation(
        "date-conflict",
        "The date printed in the document's heading is later than the date in its source line "
        "(“First published: …”). A text cannot be published before it is dated, so one of the "
        "two dates was typed wrongly — often a single digit of the year.",
        "Heading “(August 1938)”, source line “Socialist Appeal, 28 August 1937”.",
        "Check both dates against the original page and the periodical, and correct the wrong one.",
        "The heading dates a different event than the source line (a speech given before its "
        "printed date is fine; this rule already ignores headings earlier than the source).",
        example_is_text=False),
    Explanation(
        "date-after-death",
        "The document is dated after the death of a person it speaks of in the present tense, as "
        "if they were alive. Either the document's date is wrong, or the person is someone else "
        "with the same name, or the text is quoting an older passage.",
        "A page dated 1950 saying “Trotsky writes that the bureaucracy…” (Trotsky died in 1940).",
        "Check the document's date; if it is right, check who is meant and tell a curator if the "
        "name is linked to the wrong person.",
        "A reprint quoting a living author's words, a historical present (“In 1917 Lenin "
        "returns…”), or a namesake.",
        example_is_text=False),
    Explanation(
        "mojibake",
        "Characters garbled by reading UTF-8 text as another encoding: “Ã©” for “é”, “â€™” for "
        "“’”, “Ð¯” for “Я”. The original characters can almost always be restored exactly.",
        "Harry RÃ©e taught at the school in HÃ¸nefoss.",
        "Replace the garbled sequence by the suggestion (the repaired text).",
        "Very rarely a text really contains such letters side by side (a list of symbols, a "
        "deliberate quotation of garbled text)."),
    Explanation(
        "lost-character",
        "The replacement sign �: a character that was lost when the page was converted, so "
        "nobody can tell from the text what it was.",
        "The delegates met in the Caf\ufffd Royal on the second day.",
        "Look the word up in the original page or printed source and type the right character.",
        "Never: the character is lost. If the original also has an unreadable character, mark "
        "it “fixed” with a note saying so."),
    Explanation(
        "broken-hyphenation",
        "A word split by the hyphen that ended a printed line, left in the text with a space: "
        "“revo- lution”. Readers stumble on it and search does not find the word.",
        "The revo- lution was betrayed by those who had led it.",
        "Join the word as the suggestion shows (“revolution”), keeping the hyphen only in "
        "real compounds (“working-class”).",
        "A real dash set as a hyphen (“the Kornilov days- especially…”), or a suspended "
        "compound (“anti- and pro-war”)."),
    Explanation(
        "name-variant",
        "One person's surname spelled two ways in the same document (Rakowsky / Rakovsky). "
        "Within one text the spelling should usually be consistent; a variant may be a typing "
        "slip or a misread letter.",
        "“Rakovsky was arrested” in one paragraph and “Rakowsky” in the next.",
        "Check the original: if it is consistent, correct the variant; if the original itself "
        "varies, leave it and mark the finding “not an error”.",
        "The original prints both spellings (quotations from different translations often do), "
        "or the two names belong to different people.",
        example_is_text=False),
    Explanation(
        "nul-bytes",
        "The file held NUL bytes — zero bytes that no text contains, usually the mark of a damaged "
        "copy (a transfer cut and resumed, a disk error). They were dropped so the page could be "
        "read, but characters may have been lost where they were.",
        "A page whose file has 12 NUL bytes in the middle of a paragraph.",
        "Compare the text with the original page around the damaged place and restore what is "
        "missing; if the archive's copy is damaged, fetch the page again.",
        "The text is complete and reads well against the original: the bytes were padding.",
        example_is_text=False),
    Explanation(
        "truncated-file",
        "The HTML file stops before the end of the page — inside the text or inside a tag, with "
        "no closing </html> — so everything after that point is missing from the archive. The "
        "finding sits at the last character that was read.",
        "A chapter whose text ends in the middle of a sentence: “the delegates then turned to”.",
        "Fetch the page again from the original site and ingest it: the complete file becomes a "
        "new version.",
        "The original page itself ends there (an unfinished draft published as it is).",
        example_is_text=False),
    Explanation(
        "names-authority-only",
        "The page is in a language Witness has no name model for, so the persons, places and "
        "organizations on it were found only where the authority file knows them. Anyone the "
        "file does not know is missing from the page's persons, and no claims were read from it. "
        "This is a note about what the archive could do with the page, not a slip in the text.",
        "A page in Spanish or German: the persons marked are only those of the authority file.",
        "Nothing in the text to correct. If the page is in fact in English or French, correct its "
        "language in the header so it is read with a name model.",
        "Always, for the text itself; mark it “not an error” once you have seen it, so it leaves "
        "the list of open findings.",
        example_is_text=False),
    Explanation(
        "broken-note",
        "A note call in the text with no note to go with it, or a note that is never called from "
        "the text. Usually a link was lost when the page was converted.",
        "A call [3] in the text where the notes stop at [2].",
        "Find the note or the call in the original and restore it, or correct the number.",
        "An editor's note about the whole text, printed as a numbered note with no call.",
        example_is_text=False),
    Explanation(
        "empty-field",
        "A field of the page's header is present but empty, such as “Proofread:” with nothing "
        "after it. The information was meant to be there.",
        "A header line “Transcription/Markup:” followed by nothing.",
        "Fill the field from the original page's credits, or remove the empty label.",
        "The original page itself has the empty label and nothing is known to fill it.",
        example_is_text=False),
    Explanation(
        "agreement",
        "A likely slip of grammar: a plural word where a singular is needed or the reverse "
        "(“by others means”, “these kind of”, “under these circumstance”). Often a typing slip, "
        "sometimes the translator's.",
        "The strike was broken by others means than force.",
        "Correct the word as the suggestion shows (“other means”), if the original has it right.",
        "The original prints it so and the edition keeps the author's or translator's words, or "
        "the words belong to different phrases (“these party members”)."),
    Explanation(
        "stray-markup",
        "HTML code left in the text: an entity such as “&pound;” instead of “£”, or a tag such "
        "as “<i>”. The reader sees code instead of the character or the formatting.",
        "He was paid &pound;60 a week for the articles.",
        "Replace the entity by its character (the suggestion) or remove the tag.",
        "Text that really discusses HTML, or an ampersand in prose (“Marx & Engels”), which the "
        "rule already leaves alone."),
)}


def explain(rule_id: str) -> Explanation:
    """The explanation of a rule; KeyError names the known rules."""
    try:
        return EXPLANATIONS[rule_id]
    except KeyError:
        known = ", ".join(sorted(EXPLANATIONS))
        raise KeyError(f"no check rule called {rule_id!r}; the rules are: {known}") from None


def explain_text(rule_id: str) -> str:
    """The explanation as plain text, for the terminal."""
    e = explain(rule_id)
    label = "Example" if e.example_is_text else "For instance"
    return "\n".join([
        f"{e.rule} ({e.severity}): {e.description}",
        "",
        e.what,
        "",
        f"{label}: {e.example}",
        f"What to do: {e.fix}",
        f"Not an error when: {e.not_an_error}",
    ])
