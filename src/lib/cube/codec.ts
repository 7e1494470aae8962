/**
 * The cube as bytes, the one form it is kept in: the build's cube is a static file of the site
 * (`cube.bin`), the user's is a Blob in IndexedDB beside their files. Pure.
 *
 * Layout: the 8 bytes `ZZCUBE\0\0`, the header's length (uint32, little-endian), the header as
 * UTF-8 JSON (the cube's version and source, and for every column its kind, array type,
 * offset, length and dictionary), padding to 8 bytes, then every column's array, each at an
 * offset that is a multiple of 8. Decoding makes views on the bytes: nothing is copied or parsed
 * but the header. A wrong magic, version or length is `CubeFormatError`, which the pages report
 * as a damaged cube and rebuild.
 */
import type { Column, CubeTable, IntArray } from './table';

const MAGIC = 'ZZCUBE\0\0';

type ArrayType = 'i8' | 'i16' | 'i32' | 'f64';

interface ColumnHeader {
	name: string;
	kind: Column['kind'];
	type: ArrayType;
	/** Byte offset of the column's array from the start of the data part. */
	offset: number;
	dictionary?: (string | null)[];
}

interface Header<M> {
	meta: M;
	tables: Record<string, { length: number; columns: ColumnHeader[] }>;
}

export class CubeFormatError extends Error {
	constructor(reason: string) {
		super(`汇总数据格式不符（${reason}）`);
		this.name = 'CubeFormatError';
	}
}

const ARRAYS = {
	i8: Int8Array,
	i16: Int16Array,
	i32: Int32Array,
	f64: Float64Array
} as const;

function typeOf(array: IntArray | Float64Array): ArrayType {
	if (array instanceof Int8Array) return 'i8';
	if (array instanceof Int16Array) return 'i16';
	if (array instanceof Int32Array) return 'i32';
	return 'f64';
}

const pad8 = (n: number) => Math.ceil(n / 8) * 8;

/** Tables and metadata (any JSON value) as one buffer. */
export function encodeTables<M>(meta: M, tables: Record<string, CubeTable>): Uint8Array {
	const header: Header<M> = { meta, tables: {} };
	const arrays: (IntArray | Float64Array)[] = [];
	let offset = 0;
	for (const [name, table] of Object.entries(tables)) {
		const columns: ColumnHeader[] = [];
		for (const [column, data] of Object.entries(table.columns)) {
			const array = data.kind === 'text' ? data.codes : data.values;
			columns.push({
				name: column,
				kind: data.kind,
				type: typeOf(array),
				offset,
				...(data.kind === 'text' ? { dictionary: data.dictionary } : {})
			});
			arrays.push(array);
			offset = pad8(offset + array.byteLength);
		}
		header.tables[name] = { length: table.length, columns };
	}
	const headerBytes = new TextEncoder().encode(JSON.stringify(header));
	const dataStart = pad8(MAGIC.length + 4 + headerBytes.length);
	const bytes = new Uint8Array(dataStart + offset);
	bytes.set(new TextEncoder().encode(MAGIC), 0);
	new DataView(bytes.buffer).setUint32(MAGIC.length, headerBytes.length, true);
	bytes.set(headerBytes, MAGIC.length + 4);
	let at = dataStart;
	for (const array of arrays) {
		bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
		at = pad8(at + array.byteLength);
	}
	return bytes;
}

/** The tables and metadata of a buffer made by `encodeTables`; views on `buffer`, no copy. */
export function decodeTables<M>(buffer: ArrayBuffer): {
	meta: M;
	tables: Record<string, CubeTable>;
} {
	const bytes = new Uint8Array(buffer);
	if (bytes.length < MAGIC.length + 4) throw new CubeFormatError('长度不足');
	if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC)
		throw new CubeFormatError('文件头不符');
	const headerLength = new DataView(buffer).getUint32(MAGIC.length, true);
	const dataStart = pad8(MAGIC.length + 4 + headerLength);
	if (dataStart > bytes.length) throw new CubeFormatError('长度不足');
	let header: Header<M>;
	try {
		header = JSON.parse(
			new TextDecoder('utf-8', { fatal: true }).decode(
				bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)
			)
		) as Header<M>;
	} catch {
		throw new CubeFormatError('头部无法读取');
	}
	const tables: Record<string, CubeTable> = {};
	for (const [name, table] of Object.entries(header.tables ?? {})) {
		const columns: Record<string, Column> = {};
		for (const column of table.columns) {
			const View = ARRAYS[column.type];
			const start = dataStart + column.offset;
			if (!View || start + table.length * View.BYTES_PER_ELEMENT > bytes.length)
				throw new CubeFormatError(`${name}.${column.name} 越界`);
			const values = new View(buffer, start, table.length);
			if (column.kind === 'text') {
				if (values instanceof Float64Array || !column.dictionary)
					throw new CubeFormatError(`${name}.${column.name} 字典缺失`);
				columns[column.name] = { kind: 'text', codes: values, dictionary: column.dictionary };
			} else if (column.kind === 'float') {
				if (!(values instanceof Float64Array))
					throw new CubeFormatError(`${name}.${column.name} 类型不符`);
				columns[column.name] = { kind: 'float', values };
			} else {
				if (values instanceof Float64Array)
					throw new CubeFormatError(`${name}.${column.name} 类型不符`);
				columns[column.name] = { kind: 'int', values };
			}
		}
		tables[name] = { length: table.length, columns };
	}
	return { meta: header.meta, tables };
}
