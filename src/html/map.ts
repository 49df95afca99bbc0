import { geoEqualEarth, geoPath } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import type { PlaceRecord } from '../core/places.js';
import { escape } from './pages.js';

/** A linked place as the map draws it. */
export interface MapPlace extends Pick<PlaceRecord, 'name' | 'lat' | 'lon'> {
  ref: string;
  mentions: number;
  documents: number;
  /** Its page, relative to the map page. */
  href: string;
}

const WIDTH = 1200;
const HEIGHT = 600;
/** Places labelled by name on the map: the most mentioned. */
const LABELLED = 12;

/** A mark's radius: its area grows with the mentions. */
const radius = (mentions: number) => 3 + 2.2 * Math.sqrt(mentions);

/**
 * The world (Natural Earth's land and borders from world-atlas, Equal Earth projection) as an
 * inline SVG, one mark per place sized by its mentions, each a link to the place's page. Drawn
 * when the site is built: no script, no tiles, no network.
 */
export function worldSvg(world: Topology, places: readonly MapPlace[]): string {
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection).digits(1);
  const land = path(feature(world, world.objects.land as GeometryCollection)) ?? '';
  const borders = path(mesh(world, world.objects.countries as GeometryCollection, (a, b) => a !== b)) ?? '';
  // The largest first, so that a small mark stays on top and clickable.
  const drawn = [...places].sort((a, b) => b.mentions - a.mentions || a.ref.localeCompare(b.ref));
  const at = drawn.map((p): [number, number] => projection([p.lon, p.lat]) ?? [0, 0]);
  const marks = drawn.map((p, i) => {
    const [x, y] = at[i]!;
    return `<a href="${escape(p.href)}" data-ref="${escape(p.ref)}" class="mark"><title>${escape(p.name)}: ${p.mentions} mention${p.mentions === 1 ? '' : 's'} in ${p.documents} document${p.documents === 1 ? '' : 's'}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${radius(p.mentions).toFixed(1)}"/></a>`;
  });
  // Labels above every mark, so that none hides one.
  const labels = drawn.slice(0, LABELLED).map((p, i) => {
    const [x, y] = at[i]!;
    return `<text x="${(x + radius(p.mentions) + 2).toFixed(1)}" y="${(y + 4).toFixed(1)}">${escape(p.name)}</text>`;
  });
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Map of the places the corpus names" xmlns="http://www.w3.org/2000/svg">
<path class="sphere" d="${path({ type: 'Sphere' }) ?? ''}"/>
<path class="land" d="${land}"/>
<path class="borders" d="${borders}"/>
${marks.join('\n')}
<g class="labels" aria-hidden="true">${labels.join('')}</g>
</svg>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:1rem 2rem;max-width:78rem}
svg{width:100%;height:auto;max-height:78vh;display:block}
.sphere{fill:#eef4f8;stroke:#bbb}.land{fill:#ddd6c8}.borders{fill:none;stroke:#fff;stroke-width:.6}
.mark circle{fill:#009E73;fill-opacity:.6;stroke:#004d38;stroke-width:1}
.mark:hover circle,.mark:focus circle{fill-opacity:.95;stroke:#000;stroke-width:2}
.labels text{font:12px system-ui,sans-serif;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px;pointer-events:none}
ol{columns:3;font-size:14px}`;

/** The map page: the drawn world, then the places as a list (the same links, for keyboards and screen readers). */
export function mapPage(svg: string, places: readonly MapPlace[], unmapped: number): string {
  const list = places.map((p) => `<li><a href="${escape(p.href)}">${escape(p.name)}</a> <small>×${p.mentions}</small></li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>marginalia: map</title><style>${STYLE}</style></head>
<body><p><a href="index.html">← corpus</a> · <a href="timeline.html">timeline</a></p>
<h1>Places</h1>
<p>${places.length} places linked to GeoNames, each sized by its mentions${unmapped ? `; ${unmapped} mention${unmapped === 1 ? '' : 's'} of a record the place table does not know left off` : ''}.</p>
${svg}
<ol>${list}</ol>
</body></html>
`;
}
