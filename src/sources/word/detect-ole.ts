/** Magic bytes of an OLE2 compound file (Word 97–2003 .doc, and encrypted OOXML containers). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Stream name of an Office-encrypted OOXML package, as UTF-16LE in the OLE directory. */
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");

export function isOleCompoundFile(data: Uint8Array): boolean {
  if (data.length < OLE_MAGIC.length) return false;
  return OLE_MAGIC.every((byte, i) => data[i] === byte);
}

/**
 * True when an OLE file wraps an encrypted OOXML package (a password-protected .docx). The
 * directory entries may sit anywhere, so the whole file is searched for the stream name.
 */
export function hasEncryptedPackage(data: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  const last = data.length - ENCRYPTED_PACKAGE.length;
  outer: for (let i = data.indexOf(first); i !== -1 && i <= last; i = data.indexOf(first, i + 1)) {
    for (let j = 1; j < ENCRYPTED_PACKAGE.length; j++) if (data[i + j] !== ENCRYPTED_PACKAGE[j]) continue outer;
    return true;
  }
  return false;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}
