// The simulator's script realm must not reach Node: every path from a DOM object to Node's
// Function that the outside review or a known vm escape uses is closed by the membrane.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { PremiereSimulator, CEP_EVAL_ERROR } from "../../src/sim/premiere-simulator";
import { createSampleProject } from "../../src/sim/sample-project";

/** Function bodies; each returns what it reached. */
const ESCAPES: Record<string, string> = {
  "app.constructor.constructor": 'return app.constructor.constructor("return process")();',
  "a method's constructor": 'return app.enableQE.constructor("return process")();',
  "a collection": 'return app.project.rootItem.children.constructor.constructor("return process")();',
  "the __proto__ chain": 'return app.__proto__.__proto__.constructor.constructor("return process")();',
  "a thrown Node error":
    'try { new ExternalObject("lib:nothing"); } catch (e) { return e.constructor.constructor("return process")(); }',
  "a class": 'return File.constructor("return process")();',
  "an instance of a Node class": 'return new File("x").constructor.constructor("return process")();',
  "an array from the DOM": 'return app.getProjectViewIDs().constructor.constructor("return process")();',
  "a callback's arguments":
    "var leaked; app.bind('onProjectChanged', 1); app.onItemAddedToProjectSuccess = function (p, i) { leaked = i; };" +
    'return app.project.constructor.constructor("return process")();',
  prepareStackTrace: [
    "try { Error.prepareStackTrace = function (e, s) { return s[0].getThis(); }; } catch (x) {}",
    "try { app.nothing(); } catch (e) { var t = e.stack; return t && t.constructor.constructor('return process')(); }",
  ].join(""),
  __lookupGetter__: 'return app.project.__lookupGetter__("sequences").constructor("return process")();',
};

const probe = (body: string) =>
  `(function () { try { var r = (function () { ${body} })(); return r && r.versions && r.versions.node ? "ESCAPED" : "contained"; } catch (e) { return "contained: " + e.message; } })()`;

describe("the simulator's script realm", () => {
  it("control: the same probe escapes a bare vm context that holds a Node object", () => {
    const context = vm.createContext({ app: { project: {} } });
    expect(vm.runInContext(probe(ESCAPES["app.constructor.constructor"]), context)).toBe("ESCAPED");
  });

  it.each(Object.entries(ESCAPES))("does not hand out Node's process via %s", (_how, body) => {
    const simulator = new PremiereSimulator({ project: createSampleProject() });
    expect(simulator.evalScript(probe(body))).toMatch(/^contained/);
    expect(simulator.evalScript("typeof process + typeof require")).toBe("undefinedundefined");
  });

  it("still lets scripts use the DOM through the membrane", () => {
    const simulator = new PremiereSimulator({ project: createSampleProject() });
    expect(simulator.evalScript("app.project.rootItem.children.numItems")).toBe("2");
    expect(simulator.evalScript("app.project.rootItem.children[0] instanceof Object")).toBe("true");
    expect(simulator.evalScript("Folder.temp.fsName.length > 0")).toBe("true");
    expect(simulator.evalScript("app.nothing()")).toBe(CEP_EVAL_ERROR);
  });
});
