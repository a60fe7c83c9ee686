// Inclusive C14N 1.0 of one element in its document (xml-crypto's implementation), with the
// prefixed namespace declarations it inherits from its ancestors, as a document subset needs.
import { C14nCanonicalization } from "xml-crypto";
import type { Element, Node } from "@xmldom/xmldom";

function inheritedPrefixes(element: Element): Array<{ prefix: string; namespaceURI: string }> {
  const seen = new Map<string, string>();
  for (let n: Node | null = element.parentNode; n && n.nodeType === 1; n = n.parentNode) {
    const attrs = (n as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      if (a.prefix === "xmlns" && !seen.has(a.localName!)) seen.set(a.localName!, a.value);
    }
  }
  return [...seen].map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }));
}

export function canonicalize(element: Element): string {
  return new C14nCanonicalization().process(element as never, { ancestorNamespaces: inheritedPrefixes(element) });
}
