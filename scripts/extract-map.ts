#!/usr/bin/env -S npx tsx
/**
 * `npx tsx scripts/extract-map.ts <path to echarts@4.9.0 map/json/province/neimenggu.json>`
 *
 * Decodes ECharts 4's compressed GeoJSON (coordinates as UTF-8 strings + `encodeOffsets`; the
 * inverse of `decode` in echarts/src/coord/geo/parseGeoJson.js: zig-zag + delta, / 1024) to plain
 * GeoJSON, maps each feature to a league-city of data/reference/regions.json (full name, then short
 * name), keeps `{ name, code }` as properties, simplifies the outlines (SIMPLIFY_AREA: shared
 * borders stay shared), rounds coordinates to 4 decimals and writes
 * static/maps/neimenggu.geo.json (minified). Fails loudly on any unmatched or missing region.
 * The credit for the shapes is in static/maps/NOTICE.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';

type Position = [number, number];
type Ring = Position[];

interface Region {
	code: string;
	name: string;
	shortName: string;
}

interface SourceFeature {
	id?: string;
	type: 'Feature';
	properties: { name?: string } | null;
	geometry:
		| { type: 'Polygon'; coordinates: (string | Ring)[]; encodeOffsets?: Position[] }
		| { type: 'MultiPolygon'; coordinates: (string | Ring)[][]; encodeOffsets?: Position[][] }
		| null;
}

interface SourceCollection {
	type: 'FeatureCollection';
	features: SourceFeature[];
	UTF8Encoding?: boolean;
	UTF8Scale?: number;
}

type Geometry =
	{ type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

function fail(message: string): never {
	process.stderr.write(`extract-map: ${message}\n`);
	process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath =
	process.argv[2] ?? fail('usage: npx tsx scripts/extract-map.ts <neimenggu.json>');
const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as SourceCollection;
const { regions } = JSON.parse(readFileSync(join(root, 'data/reference/regions.json'), 'utf8')) as {
	regions: Region[];
};

if (source.type !== 'FeatureCollection' || !Array.isArray(source.features)) {
	fail(`${sourcePath} is not a GeoJSON FeatureCollection`);
}
const encoded = source.UTF8Encoding === true;
const scale = source.UTF8Scale ?? 1024;

/** One ring, exactly as ECharts 4 `decodePolygon` does it. */
function decodeRing(text: string, offset: Position | undefined, where: string): Ring {
	if (!offset) fail(`${where}: missing encodeOffsets`);
	if (text.length % 2 !== 0) fail(`${where}: encoded ring of odd length ${text.length}`);
	const ring: Ring = [];
	let [prevX, prevY] = offset;
	for (let i = 0; i < text.length; i += 2) {
		let x = text.charCodeAt(i) - 64;
		let y = text.charCodeAt(i + 1) - 64;
		// zig-zag
		x = (x >> 1) ^ -(x & 1);
		y = (y >> 1) ^ -(y & 1);
		// delta
		x += prevX;
		y += prevY;
		prevX = x;
		prevY = y;
		ring.push([x / scale, y / scale]);
	}
	return ring;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

function ring(value: string | Ring, offset: Position | undefined, where: string): Ring {
	const decoded =
		typeof value === 'string'
			? encoded
				? decodeRing(value, offset, where)
				: fail(`${where}: string coordinates but UTF8Encoding is not set`)
			: value;
	const out = decoded.map(([x, y]): Position => [round(x), round(y)]);
	const first = out[0];
	const last = out[out.length - 1];
	if (out.length < 4 || !first || !last) fail(`${where}: ring of ${out.length} points`);
	if (first[0] !== last[0] || first[1] !== last[1]) fail(`${where}: ring is not closed`);
	return out;
}

function geometry(feature: SourceFeature, where: string): Geometry {
	const g = feature.geometry ?? fail(`${where}: no geometry`);
	if (g.type === 'Polygon') {
		return {
			type: 'Polygon',
			coordinates: g.coordinates.map((r, i) => ring(r, g.encodeOffsets?.[i], `${where} ring ${i}`))
		};
	}
	if (g.type === 'MultiPolygon') {
		return {
			type: 'MultiPolygon',
			coordinates: g.coordinates.map((polygon, p) =>
				polygon.map((r, i) => ring(r, g.encodeOffsets?.[p]?.[i], `${where} polygon ${p} ring ${i}`))
			)
		};
	}
	return fail(`${where}: unsupported geometry type ${(g as { type: string }).type}`);
}

function matchRegion(name: string): Region | undefined {
	const trimmed = name.trim();
	return regions.find((r) => r.name === trimmed) ?? regions.find((r) => r.shortName === trimmed);
}

const byCode = new Map<string, Geometry>();
const problems: string[] = [];
source.features.forEach((feature, index) => {
	const sourceName = feature.properties?.name ?? '';
	const where = `feature ${index} (${sourceName || 'no name'})`;
	const region = matchRegion(sourceName);
	if (!region) {
		problems.push(`${where}: name matches no region of regions.json`);
		return;
	}
	if (feature.id !== undefined && String(feature.id) !== region.code) {
		problems.push(`${where}: source id ${feature.id} differs from GB/T 2260 code ${region.code}`);
		return;
	}
	if (byCode.has(region.code)) {
		problems.push(`${where}: second feature for ${region.name}`);
		return;
	}
	byCode.set(region.code, geometry(feature, where));
});
for (const region of regions) {
	if (!byCode.has(region.code)) problems.push(`${region.name} (${region.code}): no feature`);
}
if (problems.length > 0) fail(`\n  ${problems.join('\n  ')}`);

/**
 * Visvalingam's effective area (degrees², planar) under which a point of an outline goes. The
 * source has 26,691 points, far more than the map's ~450 px (~0.07° a pixel) can show: every
 * repaint of the map (a 盟市 picked, a tooltip) re-traced them all, and 盟市's prerendered SVG
 * carried them. 0.0005 is ~0.1 px² at that size (~0.4 px² at a PNG
 * export's 2×), which leaves ~3,100 points and no change one can see side by side. Simplified
 * as a topology (topojson), so a border two 盟市 share is the same line for both: no slivers
 * or gaps between them.
 */
const SIMPLIFY_AREA = 0.0005;

const decoded: FeatureCollection<Polygon | MultiPolygon, { name: string; code: string }> = {
	type: 'FeatureCollection',
	features: regions.map((region) => ({
		type: 'Feature',
		properties: { name: region.name, code: region.code },
		geometry: byCode.get(region.code)!
	}))
};
const simplified = simplify(presimplify(topology({ regions: decoded })), SIMPLIFY_AREA);
const collection = {
	type: 'FeatureCollection',
	features: (
		feature(simplified, simplified.objects.regions!) as unknown as typeof decoded
	).features.map((f, i) => {
		const where = `${f.properties.name} simplified`;
		const g = f.geometry;
		const geometry: Geometry =
			g.type === 'Polygon'
				? {
						type: 'Polygon',
						coordinates: g.coordinates.map((r, j) =>
							ring(r as Ring, undefined, `${where} ring ${j}`)
						)
					}
				: {
						type: 'MultiPolygon',
						coordinates: g.coordinates.map((polygon, p) =>
							polygon.map((r, j) => ring(r as Ring, undefined, `${where} polygon ${p} ring ${j}`))
						)
					};
		return { type: 'Feature', properties: decoded.features[i]!.properties, geometry };
	})
};

const outDir = join(root, 'static/maps');
mkdirSync(outDir, { recursive: true });
const outPath = join(outDir, 'neimenggu.geo.json');
const text = JSON.stringify(collection);
writeFileSync(outPath, text);
const rings = collection.features.flatMap((f) =>
	f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()
);
const points = rings.reduce((n, r) => n + r.length, 0);
process.stdout.write(
	`wrote ${outPath}: ${collection.features.length} features, ${rings.length} rings, ${points} points, ${Buffer.byteLength(text)} bytes\n`
);
