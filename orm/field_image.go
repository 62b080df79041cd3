package orm

// Image fields: a Binary whose values are checked and resized when
// written, as Odoo's Image field (tools/image.py):
//
//   - VerifyResolution (default true) refuses images over 50 megapixels;
//   - MaxWidth/MaxHeight shrink larger images to fit, keeping the aspect
//     ratio, re-encoded in their format (PNG, JPEG at quality 95); GIFs
//     are kept as they are (they may be animated), as Odoo;
//   - SVG (text starting with '<') is kept as given;
//   - anything else that is not a decodable PNG, JPEG, GIF or WebP image
//     is refused.

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // registers the GIF decoder
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // decoding only: WebP images are stored as PNG when resized
)

// ImageMaxResolution is the largest image Image fields accept with
// VerifyResolution, in pixels (Odoo's IMAGE_MAX_RESOLUTION, 50e6).
const ImageMaxResolution = 50e6

// Image declares an Image field: a Binary holding an image, checked
// against ImageMaxResolution and resized by MaxWidth/MaxHeight.
func Image(name string) *FieldDef {
	return newDef(name, TypeBinary, func(f *Field) { f.IsImage, f.VerifyResolution = true, true })
}

// MaxWidth sets the largest width of an Image (0: no limit).
func (d *FieldDef) MaxWidth(n int) *FieldDef { return d.set(func(f *Field) { f.MaxWidth = n }) }

// MaxHeight sets the largest height of an Image (0: no limit).
func (d *FieldDef) MaxHeight(n int) *FieldDef { return d.set(func(f *Field) { f.MaxHeight = n }) }

// VerifyResolution sets whether an Image refuses images over
// ImageMaxResolution (default true).
func (d *FieldDef) VerifyResolution(b bool) *FieldDef {
	return d.set(func(f *Field) { f.VerifyResolution = b })
}

// processImage checks and resizes an image value.
func (f *Field) processImage(src []byte) ([]byte, error) {
	resize := f.MaxWidth > 0 || f.MaxHeight > 0
	if (!resize && !f.VerifyResolution) || bytes.HasPrefix(bytes.TrimSpace(src), []byte("<")) {
		return src, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("this file could not be decoded as an image file")
	}
	if f.VerifyResolution && float64(cfg.Width)*float64(cfg.Height) > ImageMaxResolution {
		return nil, fmt.Errorf("too large image (above %.1fMpx, got %dx%d), reduce the image size",
			ImageMaxResolution/1e6, cfg.Width, cfg.Height)
	}
	w, h := fitSize(cfg.Width, cfg.Height, f.MaxWidth, f.MaxHeight)
	if !resize || format == "gif" || (w == cfg.Width && h == cfg.Height) {
		return src, nil
	}
	return resizeImage(src, format, w, h)
}

// fitSize is the size of a w×h image shrunk to fit maxW×maxH (0: free),
// keeping its ratio, as PIL's thumbnail: never enlarged, at least 1 pixel.
func fitSize(w, h, maxW, maxH int) (int, int) {
	if maxW <= 0 || maxW > w {
		maxW = w
	}
	if maxH <= 0 || maxH > h {
		maxH = h
	}
	nw, nh := w, h
	if nw > maxW {
		nw, nh = maxW, max(1, (h*maxW+w/2)/w)
	}
	if nh > maxH {
		nw, nh = max(1, (w*maxH+h/2)/h), maxH
	}
	return nw, nh
}

// resizeImage decodes, scales (Catmull-Rom) and re-encodes an image.
func resizeImage(src []byte, format string, w, h int) ([]byte, error) {
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("this file could not be decoded as an image file")
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Over, nil)
	var out bytes.Buffer
	switch format {
	case "jpeg":
		err = jpeg.Encode(&out, dst, &jpeg.Options{Quality: 95})
	default:
		err = png.Encode(&out, dst)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot encode the resized image: %v", err)
	}
	return out.Bytes(), nil
}
