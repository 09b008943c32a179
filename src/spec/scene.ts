/**
 * The scene document, version 1: the single contract between the app, the authoring tools,
 * the CLIs and the JSON Schema. Built from the layer-kind registry, so new kinds extend it
 * without changes here.
 */
import { z } from 'zod';
import { hasCrs } from '../geo/crs';
import { isTimeZone } from '../geo/local-time';
import { listLayerKinds, onLayerKindsChanged } from './layer-registry';
import { layerBaseSchema } from './layer-base';
import { ellipsoidHeight, hexColour, identifier, latitude, longitude } from './primitives';
import { viewpointSchema } from './viewpoint';
import { checkComparisons, comparisonSchema } from './comparison';
import './layers';

/** The scene document version this app writes and reads natively. */
export const SCENE_VERSION = 1;

/** A layer of any registered kind, after validation (defaults applied). */
export type LayerSpec = z.output<typeof layerBaseSchema> & { type: string } & Record<string, unknown>;
/** What an author may write for a layer: defaults may be left out. */
export type LayerInput = z.input<typeof layerBaseSchema> & { type: string } & Record<string, unknown>;

export const originSchema = z
  .strictObject({
    lon: longitude.describe('Longitude, degrees east.'),
    lat: latitude.describe('Latitude, degrees north.'),
    height: ellipsoidHeight.default(0).describe('Height above the WGS84 ellipsoid, metres.'),
  })
  .describe('Geodetic origin of the scene’s local east-up-south frame');

function layerUnion() {
  const kinds = listLayerKinds();
  if (kinds.length === 0) throw new Error('No layer kinds are registered');
  const unknownType = `expected a layer type: ${kinds.map((k) => k.type).join(', ')}`;
  const schemas = kinds.map((k) => k.schema) as [z.ZodObject, ...z.ZodObject[]];
  return z.discriminatedUnion('type', schemas, { error: unknownType });
}

function buildSceneSchema() {
  return z
    .strictObject({
      $schema: z.string().optional().describe('URL of the JSON Schema, for editors.'),
      version: z.literal(SCENE_VERSION, { error: `expected version ${SCENE_VERSION}` }),
      title: z.string({ error: 'expected a title' }).min(1, { error: 'expected a non-empty title' }),
      origin: originSchema,
      crs: z
        .string({ error: 'expected a CRS code such as "EPSG:3006"' })
        .refine((code) => hasCrs(code), { error: 'expected a known CRS code (EPSG:4326, EPSG:3006, EPSG:3007…3018)' })
        .optional()
        .describe('Display CRS for coordinates shown to users, e.g. EPSG:3014.'),
      timeZone: z
        .string({ error: 'expected an IANA time zone such as "Europe/Stockholm"' })
        .refine((zone) => isTimeZone(zone), { error: 'expected a known IANA time zone such as "Europe/Stockholm"' })
        .optional()
        .describe('IANA time zone of the place, for sun studies in local time (with summer time); default Europe/Stockholm.'),
      layers: z.array(layerUnion(), { error: 'expected an array of layers' }).default([]),
      viewpoints: z.array(viewpointSchema, { error: 'expected an array of viewpoints' }).default([]),
      startViewpoint: identifier.optional().describe('Id of the viewpoint to open at.'),
      attribution: z
        .union([z.string(), z.array(z.string())], { error: 'expected an attribution text or a list of texts' })
        .optional(),
      ground: z
        .strictObject({
          colour: hexColour.default('#b7bfa6').describe('Colour of the plane.'),
          height: ellipsoidHeight.optional().describe('Height above the WGS84 ellipsoid, metres; default: the origin’s.'),
        })
        .optional()
        .describe('A plain ground plane out to the horizon under the layers, so a district does not float in the sky.'),
      comparisons: z
        .array(comparisonSchema, { error: 'expected an array of comparisons' })
        .optional()
        .describe('Before / after pairs of layers (proposal against today, old map against new), toggled or swiped in the viewer.'),
    })
    .superRefine((doc, ctx) => {
      const seen = new Map<string, number>();
      doc.layers.forEach((layer, i) => {
        const id = (layer as { id: string }).id;
        const first = seen.get(id);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['layers', i, 'id'], input: id, message: `expected a unique layer id (layers[${first}] has it too)` });
        } else seen.set(id, i);
      });
      const vpIds = new Set<string>();
      doc.viewpoints.forEach((vp, i) => {
        if (vpIds.has(vp.id)) ctx.addIssue({ code: 'custom', path: ['viewpoints', i, 'id'], input: vp.id, message: 'expected a unique viewpoint id' });
        vpIds.add(vp.id);
      });
      if (doc.startViewpoint !== undefined && !vpIds.has(doc.startViewpoint)) {
        ctx.addIssue({
          code: 'custom',
          path: ['startViewpoint'],
          input: doc.startViewpoint,
          message: `expected the id of a viewpoint (${[...vpIds].join(', ') || 'none defined'})`,
        });
      }
      if (doc.comparisons) checkComparisons(doc.comparisons, doc.layers.map((l) => (l as { id: string }).id), ctx);
    })
    .describe('Metacity Twin scene document');
}

type SceneSchema = ReturnType<typeof buildSceneSchema>;
let cached: SceneSchema | null = null;
onLayerKindsChanged(() => {
  cached = null;
});

/** The scene schema for the layer kinds registered now. */
export function sceneSchema(): SceneSchema {
  cached ??= buildSceneSchema();
  return cached;
}

type RawScene = z.output<SceneSchema>;
/** A validated scene document with all defaults filled in. */
export type SceneDocument = Omit<RawScene, 'layers'> & { layers: LayerSpec[] };
/** What an author may write: defaults may be left out. */
export type SceneInput = Omit<z.input<SceneSchema>, 'layers'> & { layers?: LayerInput[] };
