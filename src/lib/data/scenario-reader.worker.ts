/**
 * The import's second worker: reads one large 建设场景明细 file (read-file.ts, the same code as
 * everywhere) while the import worker reads the other files on the other core, then rejects the
 * rows whose 申报编号 the declarations do not have, and posts the rows back in columns whose
 * arrays are transferred, not copied. The text stays here: the rows rejected for an unknown
 * 申报编号 take their cells from it, and a file written out again is made here.
 */
import { rejectUnknownDeclarations } from '../import/pipeline';
import { readInputFile } from '../import/read-file';
import { ScenarioRows } from '../import/scenario-rows';
import type { ScenarioReaderMessage, ScenarioReaderRequest } from './import-messages';
import { BlobInput } from './worker-files';

let declarationIds: (ids: Set<string>) => void;
const declarations = new Promise<Set<string>>((resolve) => (declarationIds = resolve));

self.onmessage = async (event: MessageEvent<ScenarioReaderRequest>) => {
	const request = event.data;
	if (request.type === 'declarations') {
		declarationIds(new Set(request.declarationIds));
		return;
	}
	self.postMessage({ type: 'reading' } satisfies ScenarioReaderMessage);
	try {
		const input = new BlobInput(request.file);
		const read = readInputFile(input, {
			dropIdentifyingColumns: request.dropIdentifyingColumns,
			onRows: (done, total) =>
				self.postMessage({ type: 'rows', done, total } satisfies ScenarioReaderMessage)
		});
		// Its header said 建设场景明细, but with the identifying columns dropped the file is of
		// another kind, whose rows take part in checks across files here: read it with the others.
		if (read.kind !== 'scenarios' && read.rows.length > 0) {
			self.postMessage({ type: 'not-scenarios' } satisfies ScenarioReaderMessage);
			return;
		}
		const stored =
			read.report.status === 'loaded'
				? await input.stored({
						text: read.sanitizedText,
						encoding: read.report.encoding,
						storedFromInputByte: read.storedFromInputByte
					})
				: null;
		rejectUnknownDeclarations(read, await declarations);
		const rows = read.scenarioRows?.toData() ?? null;
		const message: ScenarioReaderMessage = { type: 'read', report: read.report, kind: read.kind, rows, stored };
		self.postMessage(message, { transfer: rows ? ScenarioRows.transferList(rows) : [] });
	} catch (error) {
		const message: ScenarioReaderMessage = {
			type: 'failed',
			message: error instanceof Error ? error.message : String(error)
		};
		self.postMessage(message);
	}
};
