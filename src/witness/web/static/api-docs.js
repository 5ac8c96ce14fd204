// The API reference at /docs: Swagger UI from the fastapi-offline package (no CDN), started
// here rather than in an inline script so the Content-Security-Policy stays script-src 'self'.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.getElementById("swagger-ui");
  if (!target || !window.SwaggerUIBundle) { return; }
  window.SwaggerUIBundle({
    url: target.getAttribute("data-spec"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    validatorUrl: null
  });
});
