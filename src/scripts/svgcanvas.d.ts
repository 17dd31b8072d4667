/** Types of the part of svgcanvas (a CanvasRenderingContext2D that records SVG) the chart downloads use. */
declare module 'svgcanvas' {
  export class Context {
    /** `ctx`: the 2D context that measures text (by default one of a canvas of `document`). */
    constructor(options: { width: number; height: number; document?: Document; ctx?: CanvasRenderingContext2D });
    /** The drawing so far as an SVG document; `true` turns named entities into numeric ones. */
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
