// Start GOV.UK Frontend's components on every page.
// A browser that runs this module supports what GOV.UK Frontend needs, so it is safe to opt in
// to the enhanced styles here; this replaces the inline script of the GOV.UK page template,
// which our Content Security Policy does not allow.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
