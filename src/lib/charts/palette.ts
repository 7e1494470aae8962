/**
 * Colours of categories that are not tiers (盟市, 行业, 场景, 审核状态 …), one per category and
 * never the same twice, however many there are.
 *
 * The first nine are Paul Tol's "muted" qualitative scheme, made to stay distinct for readers
 * with the common colour-vision deficiencies (deuteranopia, protanopia) and in grey print. No
 * set of more than about nine colours can be told apart by everyone, so the later ones are
 * chosen to differ from every earlier one as much as possible (greatest smallest CIELAB distance,
 * ΔE76, over a grid of sRGB colours that are neither near white nor near the no-data grey); a
 * chart of that many series names each one in its legend and tooltip, and the table beside it
 * carries the figures. Tiers keep their own colours (theme.ts TIER_COLORS). Pure.
 */

/** Paul Tol's muted scheme (https://personal.sron.nl/~pault/), in his order. */
export const TOL_MUTED = [
	'#332288',
	'#88ccee',
	'#44aa99',
	'#117733',
	'#999933',
	'#ddcc77',
	'#cc6677',
	'#882255',
	'#aa4499'
] as const;

type Lab = [number, number, number];

function hexToRgb(hex: string): [number, number, number] {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const linear = (c: number) => {
	const v = c / 255;
	return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const encode = (v: number) =>
	Math.round(255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055));

/** sRGB hex → CIELAB (D65). */
export function hexToLab(hex: string): Lab {
	const [r, g, b] = hexToRgb(hex).map(linear) as [number, number, number];
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIELAB (D65) → sRGB hex, or null outside the sRGB gamut. */
function labToHex([l, a, b]: Lab): string | null {
	const fy = (l + 16) / 116;
	const fx = fy + a / 500;
	const fz = fy - b / 200;
	const inv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));
	const x = 0.95047 * inv(fx);
	const y = inv(fy);
	const z = 1.08883 * inv(fz);
	const rgb = [
		3.2406 * x - 1.5372 * y - 0.4986 * z,
		-0.9689 * x + 1.8758 * y + 0.0415 * z,
		0.0557 * x - 0.204 * y + 1.057 * z
	];
	if (rgb.some((v) => v < -0.001 || v > 1.001)) return null;
	return `#${rgb
		.map((v) =>
			encode(Math.min(1, Math.max(0, v)))
				.toString(16)
				.padStart(2, '0')
		)
		.join('')}`;
}

/** CIE76 colour difference. */
export function deltaE(p: Lab, q: Lab): number {
	return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Colours a category may not take: the page's white and the no-data grey. */
const AVOID = ['#ffffff', '#d9d9d9'].map(hexToLab);

/** The sRGB colours on a CIELAB grid that later categories are picked from (lightness 30–75). */
const CANDIDATES: { hex: string; lab: Lab }[] = [];
for (let l = 30; l <= 75; l += 9) {
	for (let a = -80; a <= 80; a += 8) {
		for (let b = -80; b <= 80; b += 8) {
			const hex = labToHex([l, a, b]);
			if (hex) CANDIDATES.push({ hex, lab: hexToLab(hex) });
		}
	}
}

const chosen: string[] = [...TOL_MUTED];
/** Each candidate's distance to the nearest colour chosen or avoided so far. */
const nearest = CANDIDATES.map((c) =>
	Math.min(...[...TOL_MUTED.map(hexToLab), ...AVOID].map((lab) => deltaE(c.lab, lab)))
);

/**
 * `n` distinct colours, the same first ones for every n (so a category keeps its colour as
 * categories are added after it): Tol's muted nine, then the candidate farthest from every
 * colour already chosen (and from white and the no-data grey).
 */
export function categoricalColors(n: number): string[] {
	while (chosen.length < n) {
		let best = -1;
		for (let i = 0; i < CANDIDATES.length; i++) {
			if (best < 0 || (nearest[i] as number) > (nearest[best] as number)) best = i;
		}
		const pick = CANDIDATES[best];
		if (!pick || (nearest[best] as number) <= 0) throw new Error(`no ${n} distinct colours`);
		chosen.push(pick.hex);
		for (let i = 0; i < CANDIDATES.length; i++) {
			nearest[i] = Math.min(
				nearest[i] as number,
				deltaE((CANDIDATES[i] as { lab: Lab }).lab, pick.lab)
			);
		}
	}
	return chosen.slice(0, n);
}
