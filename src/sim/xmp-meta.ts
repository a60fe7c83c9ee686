// What ExternalObject("lib:AdobeXMPScript") gives ExtendScript: XMPMeta over real RDF/XML
// packets (properties it does not touch are kept as they are), with XMPScript's simple, array,
// language-alternative and qualified properties, item paths ("dc:subject[2]"), dumpObject and
// serialize with its options; and XMPConst's namespaces and option flags (XMP Toolkit values).
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS = "http://www.w3.org/2000/xmlns/";

export const XMPConst = {
  NS_DC: "http://purl.org/dc/elements/1.1/",
  NS_DM: "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
  NS_XMP: "http://ns.adobe.com/xap/1.0/",
  NS_XMP_RIGHTS: "http://ns.adobe.com/xap/1.0/rights/",
  NS_XMP_MM: "http://ns.adobe.com/xap/1.0/mm/",
  NS_XMP_BJ: "http://ns.adobe.com/xap/1.0/bj/",
  NS_XMP_NOTE: "http://ns.adobe.com/xmp/note/",
  NS_PDF: "http://ns.adobe.com/pdf/1.3/",
  NS_PHOTOSHOP: "http://ns.adobe.com/photoshop/1.0/",
  NS_EXIF: "http://ns.adobe.com/exif/1.0/",
  NS_TIFF: "http://ns.adobe.com/tiff/1.0/",
  NS_IPTC_CORE: "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
  NS_CAMERA_RAW: "http://ns.adobe.com/camera-raw-settings/1.0/",
  NS_RDF: RDF,
  NS_XML: XML_NS,
  PROP_VALUE_IS_URI: 0x2,
  PROP_HAS_QUALIFIERS: 0x10,
  PROP_IS_QUALIFIER: 0x20,
  PROP_HAS_LANG: 0x40,
  PROP_IS_STRUCT: 0x100,
  PROP_IS_ARRAY: 0x200,
  ARRAY_IS_ORDERED: 0x400,
  ARRAY_IS_ALTERNATIVE: 0x800,
  ARRAY_IS_ALTTEXT: 0x1000,
  ARRAY_LAST_ITEM: -1,
  SERIALIZE_OMIT_PACKET_WRAPPER: 0x10,
  SERIALIZE_READ_ONLY_PACKET: 0x20,
  SERIALIZE_USE_COMPACT_FORMAT: 0x40,
  SERIALIZE_INCLUDE_THUMBNAIL_PAD: 0x100,
  SERIALIZE_EXACT_PACKET_LENGTH: 0x200,
  SERIALIZE_OMIT_ALL_FORMATTING: 0x800,
};

const PREFIXES: Record<string, string> = {
  [XMPConst.NS_DM]: "xmpDM",
  [XMPConst.NS_DC]: "dc",
  [XMPConst.NS_XMP]: "xmp",
  [XMPConst.NS_XMP_RIGHTS]: "xmpRights",
  [XMPConst.NS_XMP_MM]: "xmpMM",
  [XMPConst.NS_PHOTOSHOP]: "photoshop",
  [XMPConst.NS_EXIF]: "exif",
  [XMPConst.NS_TIFF]: "tiff",
  [XMPConst.NS_IPTC_CORE]: "Iptc4xmpCore",
  "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/": "premierePrivateProjectMetaData",
};

const EMPTY_PACKET = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="${RDF}"><rdf:Description rdf:about=""/></rdf:RDF></x:xmpmeta>`;
const PACKET_ID = "W5M0MpCehiHzreSzNTczkc9d";

/** What getProperty and getArrayItem return; toString() is the value, as in XMPScript. */
export class XMPProperty {
  constructor(
    readonly namespace: string,
    readonly path: string,
    readonly value: string | undefined,
    readonly options: number,
    readonly locale = "",
  ) {}
  toString(): string {
    return this.value ?? "";
  }
}

const ARRAY_KINDS: Record<string, number> = {
  Bag: XMPConst.PROP_IS_ARRAY,
  Seq: XMPConst.PROP_IS_ARRAY | XMPConst.ARRAY_IS_ORDERED,
  Alt: XMPConst.PROP_IS_ARRAY | XMPConst.ARRAY_IS_ORDERED | XMPConst.ARRAY_IS_ALTERNATIVE,
};

/** "name", "name[3]" or "name[last()]" */
function parsePath(path: string): { name: string; index: number | "last" | null } {
  const m = /^([^[\]]+)(?:\[(\d+|last\(\))\])?$/.exec(String(path));
  if (!m) throw new Error(`XMP: bad property path '${path}'`);
  return {
    name: m[1].replace(/^[A-Za-z0-9_-]+:/, ""),
    index: m[2] === undefined ? null : m[2] === "last()" ? "last" : Number(m[2]),
  };
}

const elementChildren = (el: Element): Element[] =>
  Array.from(el.childNodes).filter((n) => n.nodeType === 1) as Element[];

export class XMPMeta {
  private doc: Document;

  static registerNamespace(uri: string, prefix: string): string {
    PREFIXES[String(uri)] ??= String(prefix).replace(/:$/, "");
    return PREFIXES[String(uri)];
  }
  static getNamespacePrefix(uri: string): string {
    return PREFIXES[String(uri)] ?? "";
  }
  static getNamespaceURI(prefix: string): string {
    return Object.entries(PREFIXES).find(([, p]) => p === String(prefix).replace(/:$/, ""))?.[0] ?? "";
  }
  static deleteNamespace(uri: string): void {
    delete PREFIXES[String(uri)];
  }
  static dumpNamespaces(): string {
    return Object.entries(PREFIXES)
      .map(([uri, prefix]) => `${prefix}: ${uri}`)
      .join("\n");
  }

  constructor(packet?: string | ArrayLike<number>) {
    const text =
      packet !== undefined && typeof packet !== "string"
        ? Buffer.from(Array.from(packet as ArrayLike<number>)).toString("utf8")
        : packet && packet.trim()
          ? packet
          : EMPTY_PACKET;
    this.doc = new DOMParser().parseFromString(text, "text/xml");
    if (this.descriptions().length === 0) throw new Error("XMP parse error: no rdf:Description");
  }

  private descriptions(): Element[] {
    return Array.from(this.doc.getElementsByTagNameNS(RDF, "Description")).filter(
      (d) => (d.parentNode as Element | null)?.namespaceURI === RDF && (d.parentNode as Element).localName === "RDF",
    ) as Element[];
  }

  private element(ns: string, name: string): Element | null {
    for (const d of this.descriptions())
      for (const el of elementChildren(d)) if (el.namespaceURI === ns && el.localName === name) return el;
    return null;
  }

  private attribute(ns: string, name: string): { owner: Element; value: string } | null {
    for (const d of this.descriptions()) {
      if (d.hasAttributeNS(ns, name)) return { owner: d, value: d.getAttributeNS(ns, name) ?? "" };
    }
    return null;
  }

  private prefixFor(ns: string): string {
    if (!PREFIXES[ns]) PREFIXES[ns] = "ns" + Object.keys(PREFIXES).length;
    return PREFIXES[ns];
  }

  /** A new empty element for a property, replacing any old form of it. */
  private fresh(ns: string, name: string): Element {
    this.deleteWhole(ns, name);
    const d = this.descriptions()[0];
    const prefix = this.prefixFor(ns);
    if (d.lookupNamespaceURI(prefix) !== ns) d.setAttributeNS(XMLNS, `xmlns:${prefix}`, ns);
    const el = this.doc.createElementNS(ns, `${prefix}:${name}`);
    d.appendChild(el);
    return el;
  }

  private deleteWhole(ns: string, name: string): boolean {
    const attr = this.attribute(ns, name);
    if (attr) attr.owner.removeAttributeNS(ns, name);
    const el = this.element(ns, name);
    if (el) el.parentNode?.removeChild(el);
    return Boolean(attr || el);
  }

  /** The rdf:Bag/Seq/Alt of an array property, if it is one. */
  private container(el: Element): Element | null {
    const inner = elementChildren(el)[0];
    return inner && inner.namespaceURI === RDF && (inner.localName ?? "") in ARRAY_KINDS ? inner : null;
  }

  private items(ns: string, name: string): Element[] {
    const el = this.element(ns, name);
    const c = el ? this.container(el) : null;
    return c ? elementChildren(c).filter((li) => li.namespaceURI === RDF && li.localName === "li") : [];
  }

  /** The text of a simple value, or of rdf:value when the value carries qualifiers. */
  private valueOf(el: Element): string {
    const value = elementChildren(el).find((c) => c.namespaceURI === RDF && c.localName === "value");
    if (value) return value.textContent ?? "";
    if (el.hasAttributeNS(RDF, "resource")) return el.getAttributeNS(RDF, "resource") ?? "";
    return elementChildren(el).length ? "" : (el.textContent ?? "");
  }

  private optionsOf(el: Element): number {
    const c = this.container(el);
    if (c) {
      const alt = c.localName === "Alt" && this.itemsOf(c).some((li) => li.hasAttributeNS(XML_NS, "lang"));
      return ARRAY_KINDS[c.localName ?? ""] | (alt ? XMPConst.ARRAY_IS_ALTTEXT : 0);
    }
    let options = el.hasAttributeNS(RDF, "resource") ? XMPConst.PROP_VALUE_IS_URI : 0;
    if (el.hasAttributeNS(XML_NS, "lang")) options |= XMPConst.PROP_HAS_LANG | XMPConst.PROP_HAS_QUALIFIERS;
    if (this.qualifierElements(el).length) options |= XMPConst.PROP_HAS_QUALIFIERS;
    return options;
  }

  private itemsOf(c: Element): Element[] {
    return elementChildren(c).filter((li) => li.namespaceURI === RDF && li.localName === "li");
  }

  private qualifierElements(el: Element): Element[] {
    return el.getAttributeNS(RDF, "parseType") === "Resource"
      ? elementChildren(el).filter((c) => !(c.namespaceURI === RDF && c.localName === "value"))
      : [];
  }

  private itemAt(ns: string, name: string, index: number | "last"): Element | null {
    const items = this.items(ns, name);
    const i = index === "last" || index === XMPConst.ARRAY_LAST_ITEM ? items.length : index;
    return items[i - 1] ?? null;
  }

  doesPropertyExist(ns: string, path: string): boolean {
    const { name, index } = parsePath(path);
    if (index !== null) return this.itemAt(ns, name, index) !== null;
    return this.attribute(ns, name) !== null || this.element(ns, name) !== null;
  }

  getProperty(ns: string, path: string): XMPProperty | undefined {
    const { name, index } = parsePath(path);
    if (index !== null) {
      const li = this.itemAt(ns, name, index);
      return li
        ? new XMPProperty(ns, path, this.valueOf(li), this.optionsOf(li), li.getAttributeNS(XML_NS, "lang") ?? "")
        : undefined;
    }
    const attr = this.attribute(ns, name);
    if (attr) return new XMPProperty(ns, path, attr.value, 0);
    const el = this.element(ns, name);
    if (!el) return undefined;
    const options = this.optionsOf(el);
    return new XMPProperty(ns, path, options & XMPConst.PROP_IS_ARRAY ? "" : this.valueOf(el), options);
  }

  /** A simple value; with PROP_IS_ARRAY (and ARRAY_IS_ORDERED/ALTERNATIVE) and no value, an empty
   * array; with a path "name[i]", that item's value. */
  setProperty(ns: string, path: string, value?: unknown, options = 0): boolean {
    const { name, index } = parsePath(path);
    if (index !== null) return this.setArrayItem(ns, name, index === "last" ? -1 : index, value);
    if (Number(options) & XMPConst.PROP_IS_ARRAY) {
      this.makeArray(ns, name, Number(options));
      return true;
    }
    const el = this.fresh(ns, name);
    if (Number(options) & XMPConst.PROP_VALUE_IS_URI) el.setAttributeNS(RDF, "rdf:resource", String(value));
    else el.appendChild(this.doc.createTextNode(String(value ?? "")));
    return true;
  }

  deleteProperty(ns: string, path: string): boolean {
    const { name, index } = parsePath(path);
    if (index !== null) return this.deleteArrayItem(ns, name, index === "last" ? -1 : index);
    return this.deleteWhole(ns, name);
  }

  private makeArray(ns: string, name: string, options: number): Element {
    const existing = this.element(ns, name);
    const current = existing ? this.container(existing) : null;
    if (current) return current;
    const kind =
      options & (XMPConst.ARRAY_IS_ALTERNATIVE | XMPConst.ARRAY_IS_ALTTEXT)
        ? "Alt"
        : options & XMPConst.ARRAY_IS_ORDERED
          ? "Seq"
          : "Bag";
    const c = this.doc.createElementNS(RDF, `rdf:${kind}`);
    this.fresh(ns, name).appendChild(c);
    return c;
  }

  countArrayItems(ns: string, name: string): number {
    return this.items(ns, parsePath(name).name).length;
  }

  getArrayItem(ns: string, name: string, index: number): XMPProperty | undefined {
    return this.getProperty(ns, `${parsePath(name).name}[${Number(index) === -1 ? "last()" : Number(index)}]`);
  }

  /** XMPScript's order: (ns, arrayName, itemValue, itemOptions, arrayOptions). types-for-adobe
   * declares (ns, arrayName, arrayOptions, value, valueOptions); a numeric third argument is
   * read that way. The array is made when missing (unordered unless arrayOptions say). */
  appendArrayItem(ns: string, name: string, a: unknown, b?: unknown, c?: unknown): boolean {
    const typingsOrder = typeof a === "number";
    const value = typingsOrder ? b : a;
    const arrayOptions = Number((typingsOrder ? a : c) ?? 0) | XMPConst.PROP_IS_ARRAY;
    const container = this.makeArray(ns, parsePath(name).name, arrayOptions);
    const li = this.doc.createElementNS(RDF, "rdf:li");
    li.appendChild(this.doc.createTextNode(String(value ?? "")));
    container.appendChild(li);
    return true;
  }

  insertArrayItem(ns: string, name: string, index: number, value: unknown): boolean {
    const items = this.items(ns, parsePath(name).name);
    const i = Number(index);
    if (i < 1 || i > items.length + 1) throw new Error(`XMP: index ${i} is outside the array`);
    if (i === items.length + 1) return this.appendArrayItem(ns, name, String(value));
    const li = this.doc.createElementNS(RDF, "rdf:li");
    li.appendChild(this.doc.createTextNode(String(value)));
    items[i - 1].parentNode!.insertBefore(li, items[i - 1]);
    return true;
  }

  setArrayItem(ns: string, name: string, index: number, value: unknown): boolean {
    const li = this.itemAt(ns, parsePath(name).name, Number(index) === -1 ? "last" : Number(index));
    if (!li) throw new Error(`XMP: ${name}[${index}] does not exist`);
    while (li.firstChild) li.removeChild(li.firstChild);
    li.appendChild(this.doc.createTextNode(String(value)));
    return true;
  }

  deleteArrayItem(ns: string, name: string, index: number): boolean {
    const li = this.itemAt(ns, parsePath(name).name, Number(index) === -1 ? "last" : Number(index));
    if (!li) return false;
    li.parentNode!.removeChild(li);
    return true;
  }

  /** Qualifiers: xml:lang is an attribute; others make the value rdf:parseType="Resource". */
  setQualifier(ns: string, path: string, qualNs: string, qualName: string, value: string): boolean {
    const el = this.propertyElement(ns, path);
    if (qualNs === XML_NS && qualName === "lang") {
      el.setAttributeNS(XML_NS, "xml:lang", String(value));
      return true;
    }
    if (el.getAttributeNS(RDF, "parseType") !== "Resource") {
      const text = this.valueOf(el);
      while (el.firstChild) el.removeChild(el.firstChild);
      el.setAttributeNS(RDF, "rdf:parseType", "Resource");
      const v = this.doc.createElementNS(RDF, "rdf:value");
      v.appendChild(this.doc.createTextNode(text));
      el.appendChild(v);
    }
    const old = this.qualifierElements(el).find((q) => q.namespaceURI === qualNs && q.localName === qualName);
    if (old) el.removeChild(old);
    const prefix = this.prefixFor(qualNs);
    const d = this.descriptions()[0];
    if (d.lookupNamespaceURI(prefix) !== qualNs) d.setAttributeNS(XMLNS, `xmlns:${prefix}`, qualNs);
    const q = this.doc.createElementNS(qualNs, `${prefix}:${qualName}`);
    q.appendChild(this.doc.createTextNode(String(value)));
    el.appendChild(q);
    return true;
  }

  getQualifier(ns: string, path: string, qualNs: string, qualName: string): XMPProperty | undefined {
    if (!this.doesPropertyExist(ns, path)) return undefined;
    const el = this.propertyElement(ns, path);
    const qualPath = `${path}/?${this.prefixFor(qualNs)}:${qualName}`;
    if (qualNs === XML_NS && qualName === "lang")
      return el.hasAttributeNS(XML_NS, "lang")
        ? new XMPProperty(qualNs, qualPath, el.getAttributeNS(XML_NS, "lang") ?? "", XMPConst.PROP_IS_QUALIFIER)
        : undefined;
    const q = this.qualifierElements(el).find((c) => c.namespaceURI === qualNs && c.localName === qualName);
    return q ? new XMPProperty(qualNs, qualPath, q.textContent ?? "", XMPConst.PROP_IS_QUALIFIER) : undefined;
  }

  doesQualifierExist(ns: string, path: string, qualNs: string, qualName: string): boolean {
    return this.getQualifier(ns, path, qualNs, qualName) !== undefined;
  }

  deleteQualifier(ns: string, path: string, qualNs: string, qualName: string): boolean {
    if (!this.doesPropertyExist(ns, path)) return false;
    const el = this.propertyElement(ns, path);
    if (qualNs === XML_NS && qualName === "lang") {
      const had = el.hasAttributeNS(XML_NS, "lang");
      el.removeAttributeNS(XML_NS, "lang");
      return had;
    }
    const q = this.qualifierElements(el).find((c) => c.namespaceURI === qualNs && c.localName === qualName);
    if (q) el.removeChild(q);
    return Boolean(q);
  }

  /** The element of a property or array item; an attribute-form property becomes an element. */
  private propertyElement(ns: string, path: string): Element {
    const { name, index } = parsePath(path);
    if (index !== null) {
      const li = this.itemAt(ns, name, index);
      if (!li) throw new Error(`XMP: ${path} does not exist`);
      return li;
    }
    const attr = this.attribute(ns, name);
    if (attr) this.setProperty(ns, name, attr.value);
    const el = this.element(ns, name);
    if (!el) throw new Error(`XMP: ${path} does not exist`);
    return el;
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

  /** Every property, one a line, as XMPScript's dumpObject lists them. */
  dumpObject(): string {
    const lines = ["Dump of XMPMeta object"];
    for (const d of this.descriptions()) {
      for (const attr of Array.from(d.attributes)) {
        if (attr.namespaceURI === XMLNS || attr.namespaceURI === RDF) continue;
        lines.push(`  ${attr.name} = "${attr.value}"`);
      }
      for (const el of elementChildren(d)) {
        const options = this.optionsOf(el);
        if (options & XMPConst.PROP_IS_ARRAY) {
          lines.push(`  ${el.nodeName}  (0x${options.toString(16)} : isArray)`);
          this.itemsOf(this.container(el)!).forEach((li, i) => {
            const lang = li.getAttributeNS(XML_NS, "lang");
            lines.push(`    [${i + 1}] = "${this.valueOf(li)}"${lang ? ` (xml:lang="${lang}")` : ""}`);
          });
        } else lines.push(`  ${el.nodeName} = "${this.valueOf(el)}"`);
      }
    }
    return lines.join("\n");
  }

  /** Like the XMP Toolkit: the x:xmpmeta element inside the packet wrapper with 2 KB of padding,
   * unless SERIALIZE_OMIT_PACKET_WRAPPER; carriage returns written as &#xD; so parsing keeps them. */
  serialize(options = 0, padding = 2048): string {
    const flags = Number(options) || 0;
    const body = new XMLSerializer().serializeToString(this.doc.documentElement!).replace(/\r/g, "&#xD;");
    if (flags & XMPConst.SERIALIZE_OMIT_PACKET_WRAPPER) return body;
    const pad = flags & XMPConst.SERIALIZE_READ_ONLY_PACKET ? "" : " ".repeat(Math.max(0, Number(padding) || 0));
    const end = flags & XMPConst.SERIALIZE_READ_ONLY_PACKET ? "r" : "w";
    return `<?xpacket begin="\uFEFF" id="${PACKET_ID}"?>${body}${pad}<?xpacket end="${end}"?>`;
  }

  /** serialize() as UTF-8 bytes */
  serializeToArray(options = 0, padding = 2048): number[] {
    return Array.from(Buffer.from(this.serialize(options, padding), "utf8"));
  }
}
