// What ExternalObject("lib:AdobeXMPScript") gives ExtendScript: XMPMeta over real RDF/XML
// packets (other properties are preserved untouched) and XMPConst's namespace URIs.
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

export const XMPConst = {
  NS_DM: "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
  NS_DC: "http://purl.org/dc/elements/1.1/",
  NS_XMP: "http://ns.adobe.com/xap/1.0/",
  ARRAY_IS_ORDERED: "ARRAY_IS_ORDERED",
};

const PREFIXES: Record<string, string> = {
  [XMPConst.NS_DM]: "xmpDM",
  [XMPConst.NS_DC]: "dc",
  [XMPConst.NS_XMP]: "xmp",
  "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/": "premierePrivateProjectMetaData",
};

const EMPTY_PACKET = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="${RDF}"><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>`;

export class XMPMeta {
  private doc: Document;

  constructor(packet?: string) {
    const text = packet && packet.trim() ? packet : EMPTY_PACKET;
    this.doc = new DOMParser().parseFromString(text, "text/xml");
    if (this.descriptions().length === 0) throw new Error("XMP parse error: no rdf:Description");
  }

  private descriptions(): Element[] {
    return Array.from(this.doc.getElementsByTagNameNS(RDF, "Description")) as Element[];
  }

  private element(ns: string, name: string): Element | null {
    for (const d of this.descriptions()) {
      for (const child of Array.from(d.childNodes)) {
        const el = child as Element;
        if (el.nodeType === 1 && el.namespaceURI === ns && el.localName === name) return el;
      }
    }
    return null;
  }

  private attribute(ns: string, name: string): { owner: Element; value: string } | null {
    for (const d of this.descriptions()) {
      if (d.hasAttributeNS(ns, name)) return { owner: d, value: d.getAttributeNS(ns, name) ?? "" };
    }
    return null;
  }

  private prefixFor(ns: string): string {
    return PREFIXES[ns] ?? "ns" + Object.keys(PREFIXES).length;
  }

  private fresh(ns: string, name: string): Element {
    this.deleteProperty(ns, name);
    const d = this.descriptions()[0];
    const prefix = this.prefixFor(ns);
    if (!d.lookupNamespaceURI(prefix)) d.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${prefix}`, ns);
    const el = this.doc.createElementNS(ns, `${prefix}:${name}`);
    d.appendChild(el);
    return el;
  }

  doesPropertyExist(ns: string, name: string): boolean {
    return this.attribute(ns, name) !== null || this.element(ns, name) !== null;
  }

  getProperty(ns: string, name: string): { value: string; namespace: string; path: string } | undefined {
    const attr = this.attribute(ns, name);
    if (attr) return { value: attr.value, namespace: ns, path: name };
    const el = this.element(ns, name);
    if (!el) return undefined;
    return {
      value: el.getElementsByTagNameNS(RDF, "li").length ? "" : (el.textContent ?? ""),
      namespace: ns,
      path: name,
    };
  }

  setProperty(ns: string, name: string, value: string): boolean {
    const el = this.fresh(ns, name);
    el.appendChild(this.doc.createTextNode(String(value)));
    return true;
  }

  deleteProperty(ns: string, name: string): boolean {
    const attr = this.attribute(ns, name);
    if (attr) attr.owner.removeAttributeNS(ns, name);
    const el = this.element(ns, name);
    if (el) el.parentNode?.removeChild(el);
    return Boolean(attr || el);
  }

  getLocalizedText(ns: string, name: string, _genericLang: string | null, specificLang: string): string | undefined {
    const el = this.element(ns, name);
    if (!el) return this.attribute(ns, name)?.value;
    const items = Array.from(el.getElementsByTagNameNS(RDF, "li")) as Element[];
    const match = items.find((li) => li.getAttributeNS(XML_NS, "lang") === specificLang) ?? items[0];
    return match ? (match.textContent ?? "") : undefined;
  }

  setLocalizedText(
    ns: string,
    name: string,
    _genericLang: string | null,
    specificLang: string,
    value: string,
  ): boolean {
    const el = this.fresh(ns, name);
    const alt = this.doc.createElementNS(RDF, "rdf:Alt");
    const li = this.doc.createElementNS(RDF, "rdf:li");
    li.setAttributeNS(XML_NS, "xml:lang", specificLang);
    li.appendChild(this.doc.createTextNode(String(value)));
    alt.appendChild(li);
    el.appendChild(alt);
    return true;
  }

  /** Like the XMP Toolkit, carriage returns are written as &#xD; so that parsing keeps them. */
  serialize(): string {
    return new XMLSerializer().serializeToString(this.doc).replace(/\r/g, "&#xD;");
  }
}
