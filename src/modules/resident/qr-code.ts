import QRCode from 'qrcode';
import { renderAsync } from '@resvg/resvg-js';

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const MODULE = 8;
const MARGIN = 4;
const CAPTION = 56;

/**
 * A printable code: the QR symbol (error correction M: survives a crease or a smudge on a notice
 * board) with the unit's name under it. The symbol is drawn from the module matrix qrcode
 * computes, so SVG and PNG are the same picture; the PNG is the SVG rendered by resvg with the
 * system's CJK fonts (fonts-wqy-microhei in the image, Noto CJK on development machines).
 */
export function qrSvg(url: string, caption: string, subcaption?: string): string {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = (n + MARGIN * 2) * MODULE;
  // Wide enough for the captions (a CJK character is about one em wide); the symbol is centred.
  const width = Math.max(side, caption.length * 28 + 48, (subcaption?.length ?? 0) * 20 + 48);
  const left = (width - side) / 2;
  const height = side + CAPTION + (subcaption ? 28 : 0);
  let path = '';
  // BitMatrix.get(row, col): rows go down (y), columns across (x).
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      if (qr.modules.get(y, x))
        path += `M${left + (x + MARGIN) * MODULE} ${(y + MARGIN) * MODULE}h${MODULE}v${MODULE}h-${MODULE}z`;
  // The image ships WenQuanYi Micro Hei (Dockerfile); development machines have Noto CJK.
  const font =
    "'Noto Sans CJK SC','WenQuanYi Micro Hei','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<path d="${path}" fill="#000"/>`,
    `<text x="${width / 2}" y="${side + 30}" text-anchor="middle" font-family="${font}" font-size="28" fill="#000">${escapeXml(caption)}</text>`,
    subcaption
      ? `<text x="${width / 2}" y="${side + 62}" text-anchor="middle" font-family="${font}" font-size="20" fill="#444">${escapeXml(subcaption)}</text>`
      : '',
    `</svg>`,
  ].join('');
}

const PNG_CACHE_SIZE = 200;
const pngCache = new Map<string, Buffer>();

/**
 * The PNG of a code's SVG. resvg scans the system fonts and rasterises in ~0.3–0.6 s here, so it
 * runs on libuv's threadpool (renderAsync), never on the event loop, and the last few hundred
 * images are kept: a unit's code is downloaded again and again while notices are printed.
 */
export async function qrPng(svg: string): Promise<Buffer> {
  const hit = pngCache.get(svg);
  if (hit) return hit;
  const png = (
    await renderAsync(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
      shapeRendering: 1,
      fitTo: { mode: 'zoom', value: 2 },
    })
  ).asPng();
  if (pngCache.size >= PNG_CACHE_SIZE) pngCache.delete(pngCache.keys().next().value!);
  pngCache.set(svg, png);
  return png;
}
