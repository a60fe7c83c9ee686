// Lint gate (npm test runs it before the type-checks). Rules that keep the runtimes apart are
// here too: the panel and src/lib never import Node-only modules, Node code never imports the
// browser-only ones, and src/shared (ES3, compiled into the host) imports nothing but itself.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const nodeOnly = {
  group: ["node:*", "fs", "path", "sharp", "**/lib/**/node/*", "**/server/**", "**/cli/**", "**/sim/**"],
  message: "Node-only module: the panel bundle cannot load it.",
};

export default tseslint.config(
  {
    ignores: ["dist/", "node_modules/", "test-results/", ".cache/", "bench/models/", "tests/fixtures/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "error",
      "max-len": ["error", { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
    },
  },
  {
    files: ["src/panel/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, "no-restricted-imports": ["error", { patterns: [nodeOnly] }] },
  },
  {
    files: ["src/lib/**/*.ts"],
    ignores: ["src/lib/**/node/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [nodeOnly, { group: ["**/panel/**"], message: "src/lib never imports the panel." }] },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts", "src/cli/**/*.ts", "src/sim/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/**/browser/*", "**/panel/**"], message: "Browser-only module: Node cannot load it." },
          ],
        },
      ],
    },
  },
  {
    // ExtendScript's own globals are untyped
    files: ["src/jsx/host-globals.d.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // ES3 in the host: `var` is the honest keyword there, and nothing outside src/shared may come in
    files: ["src/shared/**/*.ts", "src/jsx/**/*.ts"],
    rules: {
      "no-var": "off",
      "prefer-rest-params": "off",
      "prefer-spread": "off", // no spread in ES3
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            // no package at all: the bundle carries only our own ES3 code (and json2)
            { regex: "^[^.]", message: "The host bundle takes only src/shared and src/jsx: no packages." },
            {
              group: ["**/lib/**", "**/panel/**", "**/server/**", "**/sim/**", "**/cli/**", "**/zxp/**"],
              message: "The host bundle takes only src/shared.",
            },
          ],
        },
      ],
    },
  },
  // src/shared imports nothing outside itself (ADR-0014): no package, and no relative path that
  // climbs out of it (one level up from a subfolder stays inside, none from its top level)
  ...[
    { files: ["src/shared/*/**/*.ts"], climbsOut: "^\\.\\./\\.\\./" },
    { files: ["src/shared/*.ts"], climbsOut: "^\\.\\./" },
  ].map(({ files, climbsOut }) => ({
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^[^.]", message: "src/shared imports nothing outside itself." },
            { regex: climbsOut, message: "src/shared imports nothing outside itself." },
          ],
        },
      ],
    },
  })),
);
