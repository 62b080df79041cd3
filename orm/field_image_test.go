package orm_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"odsh/orm"
)

func encodeImage(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, 0, color.RGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func imageSize(t *testing.T, data []byte) (int, int, string) {
	t.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode stored image: %v", err)
	}
	return cfg.Width, cfg.Height, format
}

func TestImageResize(t *testing.T) {
	env := fieldsEnv(t)
	cases := []struct {
		name         string
		format       string
		w, h         int
		wantW, wantH int
	}{
		{"wide png", "png", 100, 50, 40, 20},
		{"tall jpeg", "jpeg", 60, 120, 15, 30},
		{"small kept", "png", 20, 10, 20, 10},
		{"gif kept", "gif", 100, 50, 100, 50},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := encodeImage(t, c.format, c.w, c.h)
			doc := env.Model("test.doc").Create(orm.Values{"name": c.name, "photo": src})
			env.InvalidateAll()
			got := doc.Get("photo").([]byte)
			w, h, format := imageSize(t, got)
			if w != c.wantW || h != c.wantH || format != c.format {
				t.Errorf("stored %s: %dx%d %s, want %dx%d %s", c.name, w, h, format, c.wantW, c.wantH, c.format)
			}
			if c.w == c.wantW && !bytes.Equal(got, src) {
				t.Errorf("an image that fits was re-encoded")
			}
		})
	}
}

func TestImageRefusesNonImagesAndHugeImages(t *testing.T) {
	env := fieldsEnv(t)
	doc := env.Model("test.doc").Create(orm.Values{"name": "D"})
	// a PNG header claiming 10000x6000 pixels (60 Mpx): only the header is read
	huge := encodeImage(t, "png", 1, 1)
	copy(huge[16:24], []byte{0, 0, 0x27, 0x10, 0, 0, 0x17, 0x70})
	binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
	wantMsg := map[string]string{"not an image": "could not be decoded", "60 Mpx": "too large image"}
	for name, v := range map[string][]byte{"not an image": []byte("hello"), "60 Mpx": huge} {
		err := env.Catch(func() { doc.Set("picture", v) })
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Field != "picture" || ve.Model != "test.doc" || !strings.Contains(ve.Msg, wantMsg[name]) {
			t.Errorf("%s: got %v, want a ValidationError naming test.doc.picture", name, err)
		}
	}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)
	doc.Set("picture", svg)
	if got := doc.Get("picture").([]byte); !bytes.Equal(got, svg) {
		t.Errorf("svg: got %q, want it kept", got)
	}
}
