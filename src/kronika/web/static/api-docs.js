// Starts Swagger UI on this server's OpenAPI document (kept out of the HTML: the CSP allows no inline script).
/* global SwaggerUIBundle */
window.addEventListener("DOMContentLoaded", function () {
  SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
