/** Types of the part of svgcanvas (a CanvasRenderingContext2D that records SVG) the chart downloads use. */
declare module 'svgcanvas' {
  export class Context {
    constructor(options: { width: number; height: number; document?: Document });
    /** The drawing so far as an SVG document; `true` turns named entities into numeric ones. */
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
