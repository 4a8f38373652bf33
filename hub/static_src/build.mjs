// Build the front-end into var/frontend/, which Django serves as static files.
//
//   css/hub.css                     our Sass with GOV.UK Frontend, compressed
//   govuk/assets/                   GOV.UK fonts, images and manifest.json
//   govuk/govuk-frontend.min.js     GOV.UK Frontend's ES module (imported by js/hub.js)
//   leaflet/                        Leaflet's dist (css, js, images) for the events map
//
// Source maps of the copied scripts come along: Django's manifest storage follows their
// sourceMappingURL comments and fails collectstatic if the map is missing.

import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const nodeModules = path.join(root, "node_modules");
const govukDist = path.join(nodeModules, "govuk-frontend", "dist", "govuk");
const out = path.join(root, "var", "frontend");

// Start clean so files dropped from a dependency do not linger in the build.
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "css"), { recursive: true });

const { css } = sass.compile(path.join(root, "hub", "static_src", "hub.scss"), {
  loadPaths: [nodeModules],
  style: "compressed",
  sourceMap: false,
  // GOV.UK Frontend's own deprecation warnings are theirs to fix, not ours.
  quietDeps: true,
});
writeFileSync(path.join(out, "css", "hub.css"), css);

cpSync(path.join(govukDist, "assets"), path.join(out, "govuk", "assets"), { recursive: true });
for (const name of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  cpSync(path.join(govukDist, name), path.join(out, "govuk", name));
}
cpSync(path.join(nodeModules, "leaflet", "dist"), path.join(out, "leaflet"), { recursive: true });

console.log(`Built front-end assets in ${path.relative(root, out)}/`);
