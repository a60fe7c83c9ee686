// Takes a good zip apart into its records and puts it back together after an edit, with every
// length and offset recomputed: how tests make tampered packages (names that differ between the
// headers, extra fields, duplicates, hidden records) that still parse and keep their signature.
// Zips without a comment or zip64 only, as our signer and ZXPSignCmd write them.

export interface ZipRecord {
  /** the local header's fixed 30 bytes (signature to extra-field length) */
  localFixed: Buffer;
  localName: Buffer;
  localExtra: Buffer;
  /** compressed data and any data descriptor */
  body: Buffer;
  /** the central header's fixed 46 bytes */
  centralFixed: Buffer;
  centralName: Buffer;
  centralExtra: Buffer;
  centralComment: Buffer;
  /** bytes written before this record's local header that no entry accounts for */
  hiddenBefore?: Buffer;
  /** this central entry points at the local header of the record with this index instead */
  sharesLocalWith?: number;
}

export function takeApart(zip: Buffer): ZipRecord[] {
  const eocd = zip.length - 22;
  if (zip.readUInt32LE(eocd) !== 0x06054b50) throw new Error("zip-surgery: no plain end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const starts: number[] = [];
  const records: ZipRecord[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    const n = zip.readUInt16LE(at + 28);
    const m = zip.readUInt16LE(at + 30);
    const k = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    starts.push(local);
    const ln = zip.readUInt16LE(local + 26);
    const lm = zip.readUInt16LE(local + 28);
    records.push({
      localFixed: Buffer.from(zip.subarray(local, local + 30)),
      localName: Buffer.from(zip.subarray(local + 30, local + 30 + ln)),
      localExtra: Buffer.from(zip.subarray(local + 30 + ln, local + 30 + ln + lm)),
      body: Buffer.alloc(0),
      centralFixed: Buffer.from(zip.subarray(at, at + 46)),
      centralName: Buffer.from(zip.subarray(at + 46, at + 46 + n)),
      centralExtra: Buffer.from(zip.subarray(at + 46 + n, at + 46 + n + m)),
      centralComment: Buffer.from(zip.subarray(at + 46 + n + m, at + 46 + n + m + k)),
    });
    at += 46 + n + m + k;
  }
  // each record's body runs to the next local header (or the central directory)
  const order = starts.map((s, i) => [s, i]).sort((a, b) => a[0] - b[0]);
  order.forEach(([start, i], j) => {
    const end = j + 1 < order.length ? order[j + 1][0] : cdOffset;
    const r = records[i];
    records[i].body = Buffer.from(zip.subarray(start + 30 + r.localName.length + r.localExtra.length, end));
  });
  return records;
}

export function putTogether(records: ZipRecord[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  records.forEach((r) => {
    if (r.sharesLocalWith !== undefined) return offsets.push(-1);
    if (r.hiddenBefore) {
      parts.push(r.hiddenBefore);
      at += r.hiddenBefore.length;
    }
    const fixed = Buffer.from(r.localFixed);
    fixed.writeUInt16LE(r.localName.length, 26);
    fixed.writeUInt16LE(r.localExtra.length, 28);
    offsets.push(at);
    parts.push(fixed, r.localName, r.localExtra, r.body);
    at += 30 + r.localName.length + r.localExtra.length + r.body.length;
  });
  const cdOffset = at;
  records.forEach((r, i) => {
    const fixed = Buffer.from(r.centralFixed);
    fixed.writeUInt16LE(r.centralName.length, 28);
    fixed.writeUInt16LE(r.centralExtra.length, 30);
    fixed.writeUInt16LE(r.centralComment.length, 32);
    fixed.writeUInt32LE(r.sharesLocalWith !== undefined ? offsets[r.sharesLocalWith] : offsets[i], 42);
    parts.push(fixed, r.centralName, r.centralExtra, r.centralComment);
    at += 46 + r.centralName.length + r.centralExtra.length + r.centralComment.length;
  });
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(records.length, 8);
  eocd.writeUInt16LE(records.length, 10);
  eocd.writeUInt32LE(at - cdOffset, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([...parts, eocd]);
}

/** Info-ZIP's Unicode Path extra field (0x7075): `name` in UTF-8, for the header whose raw name is `raw`. */
export function unicodePathField(raw: Buffer, name: string, crc32: (b: Buffer) => number): Buffer {
  const utf8 = Buffer.from(name, "utf8");
  const field = Buffer.alloc(4 + 5 + utf8.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + utf8.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(raw) >>> 0, 5);
  utf8.copy(field, 9);
  return field;
}
