// The ZXP format as Adobe's ZXPSignCmd writes it (../shared/fixtures/zxp/PROVENANCE.md): a zip
// whose first entry is an uncompressed `mimetype`, plus META-INF/signatures.xml, an XML-DSig
// signature over a Manifest of SHA-256 digests of every file.

export const MIMETYPE = "application/vnd.adobe.air-ucf-package+zip";
export const SIGNATURES_PATH = "META-INF/signatures.xml";

export const DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
export const XADES_NS = "http://uri.etsi.org/01903/v1.1.1#";
export const C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
export const RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
export const SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
export const MANIFEST_TYPE = "http://www.w3.org/2000/09/xmldsig#Manifest";

/** File URIs in the manifest are relative paths, percent-encoded per segment. */
export function encodeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export function decodeUri(uri: string): string {
  return uri.split("/").map(decodeURIComponent).join("/");
}
