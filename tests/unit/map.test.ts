import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Position = [number, number];
interface Feature {
	type: string;
	properties: { name: string; code: string };
	geometry:
		| { type: 'Polygon'; coordinates: Position[][] }
		| { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const MAP_PATH = 'static/maps/neimenggu.geo.json';
const map = JSON.parse(readFileSync(MAP_PATH, 'utf8')) as { type: string; features: Feature[] };
const { regions } = JSON.parse(readFileSync('data/reference/regions.json', 'utf8')) as {
	regions: { code: string; name: string }[];
};

const rings = (f: Feature): Position[][] =>
	f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();

describe('static/maps/neimenggu.geo.json', () => {
	it('is a FeatureCollection of the 12 league-cities', () => {
		expect(map.type).toBe('FeatureCollection');
		expect(map.features).toHaveLength(12);
	});

	it('has exactly the codes and names of regions.json', () => {
		const codes = map.features.map((f) => f.properties.code);
		expect(new Set(codes).size).toBe(12);
		expect([...codes].sort()).toEqual(regions.map((r) => r.code).sort());
		for (const f of map.features) {
			const region = regions.find((r) => r.code === f.properties.code);
			expect(f.properties.name).toBe(region?.name);
			expect(Object.keys(f.properties).sort()).toEqual(['code', 'name']);
		}
	});

	it('has Polygon or MultiPolygon geometries of closed rings of at least 4 points', () => {
		for (const f of map.features) {
			expect(f.type).toBe('Feature');
			expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
			const all = rings(f);
			expect(all.length).toBeGreaterThan(0);
			for (const ring of all) {
				expect(ring.length).toBeGreaterThanOrEqual(4);
				expect(ring[ring.length - 1]).toEqual(ring[0]);
			}
		}
	});

	it('lies inside the bounding box of Inner Mongolia', () => {
		const outside: string[] = [];
		for (const f of map.features) {
			for (const ring of rings(f)) {
				for (const point of ring) {
					const [lon, lat] = point;
					if (point.length !== 2 || !(lon >= 97 && lon <= 127 && lat >= 37 && lat <= 54)) {
						outside.push(`${f.properties.name}: ${JSON.stringify(point)}`);
					}
				}
			}
		}
		expect(outside).toEqual([]);
	});

	it('is under 700 KB', () => {
		expect(statSync(MAP_PATH).size).toBeLessThan(700 * 1024);
	});
});
