/**
 * The import workers' side of the user's files: a picked Blob read when its turn comes (and its
 * digest started then), and a read file made into what is kept for a reload.
 */
import { hasUtf8Bom, UTF8_BOM_BYTES } from '../import/decode';
import type { DeferredInputFile } from '../import/read-file';
import { sha256 } from './digest';
import type { SourceFile } from './import-messages';
import type { StoredFile } from './store';

/** Synchronous Blob reading, in dedicated workers only (not in TypeScript's DOM library). */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

/** The first bytes of a Blob (to tell a file's kind by its header before reading it all). */
export function readFirstBytes(blob: Blob, count: number): Uint8Array {
	return new Uint8Array(new FileReaderSync().readAsArrayBuffer(blob.slice(0, count)));
}

/** A picked file's bytes, or a reason in Chinese when the file can no longer be read. */
function readBlob(name: string, blob: Blob): Uint8Array {
	try {
		return new Uint8Array(new FileReaderSync().readAsArrayBuffer(blob));
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		const reason = `无法读取文件“${name}”：文件可能在选择后被移动、删除或修改，请重新选择后再导入（${detail}）`;
		throw new Error(reason, { cause: error });
	}
}

/**
 * A file the import reads when its turn comes, held only until decoded. Its digest is started
 * then, over the bytes after any BOM: those are what is kept when the file is stored as it came
 * (a UTF-8 file without a dropped column), as a slice of the very Blob given.
 */
export class BlobInput implements DeferredInputFile {
	readonly name: string;
	readonly renamedFrom?: string;
	private digest: Promise<string> | null = null;

	constructor(private readonly file: SourceFile) {
		this.name = file.name;
		if (file.renamedFrom !== undefined) this.renamedFrom = file.renamedFrom;
	}

	read(): Uint8Array {
		const bytes = readBlob(this.file.name, this.file.blob);
		this.digest = sha256(hasUtf8Bom(bytes) ? bytes.subarray(UTF8_BOM_BYTES) : bytes);
		return bytes;
	}

	/**
	 * The file as kept for a reload, once read: a slice of its Blob when stored as it came
	 * (`storedFromInputByte`, read-file.ts), else `text` written out as UTF-8 and digested.
	 */
	async stored(sanitized: {
		text: string;
		encoding: string;
		storedFromInputByte: number | null;
	}): Promise<StoredFile> {
		const { text, encoding, storedFromInputByte } = sanitized;
		if (storedFromInputByte !== null && this.digest) {
			const blob = this.file.blob.slice(storedFromInputByte);
			return { name: this.name, encoding, blob, sha256: await this.digest };
		}
		const bytes = new TextEncoder().encode(text);
		return { name: this.name, encoding, blob: new Blob([bytes]), sha256: await sha256(bytes) };
	}
}
