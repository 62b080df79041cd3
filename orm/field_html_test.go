package orm_test

import (
	"testing"

	"odsh/orm"
)

func TestSanitizeHTML(t *testing.T) {
	cases := []struct {
		name, in, want string
		opts           orm.HTMLOptions
	}{
		{"kept", `<p class="x" style="color:red">Hi <b>there</b> &amp; <a href="https://odoo.com" title="t">link</a></p>`,
			`<p class="x" style="color:red">Hi <b>there</b> &amp; <a href="https://odoo.com" title="t">link</a></p>`, orm.HTMLOptions{}},
		{"script", `<p>a<script>alert(1)</script>b</p>`, `<p>ab</p>`, orm.HTMLOptions{}},
		{"style tag", `<style>p{}</style><p>x</p>`, `<p>x</p>`, orm.HTMLOptions{}},
		// iframe content is raw text, as browsers read it: the first end tag closes it
		{"iframe", `<iframe src="x"><b>in</b></iframe>after</iframe>`, `after`, orm.HTMLOptions{}},
		{"nested div in killed", `<noscript><div><noscript>x</noscript>y</div></noscript>z`, `yz`, orm.HTMLOptions{}},
		{"object embed", `<object data="x"><param name="a"></object><embed src="y">z`, `z`, orm.HTMLOptions{}},
		{"event attrs", `<img src="a.png" onerror="alert(1)" ONLOAD="x">`, `<img src="a.png">`, orm.HTMLOptions{}},
		{"javascript url", `<a href="  JaVa&#x09;script:alert(1)">x</a>`, `<a>x</a>`, orm.HTMLOptions{}},
		{"data url", `<a href="data:text/html,x">x</a><img src="data:image/png;base64,AA">`, `<a>x</a><img src="data:image/png;base64,AA">`, orm.HTMLOptions{}},
		{"unknown tag keeps text", `<form action="/x"><input value="v">text</form>`, `text`, orm.HTMLOptions{}},
		{"balanced", `</div>x<b>y<i>z`, `x<b>y<i>z</i></b>`, orm.HTMLOptions{}},
		{"comment", `a<!-- secret -->b`, `ab`, orm.HTMLOptions{}},
		{"css expression", `<p style="width: expression(alert(1))">x</p>`, `<p>x</p>`, orm.HTMLOptions{}},
		{"data attrs", `<div data-oe-model="x" data-id="1">x</div>`, `<div data-oe-model="x" data-id="1">x</div>`, orm.HTMLOptions{}},
		{"strip style and classes", `<p class="x" style="color:red" id="i">x</p>`, `<p id="i">x</p>`,
			orm.HTMLOptions{StripStyle: true, StripClasses: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := orm.SanitizeHTML(c.in, c.opts); got != c.want {
				t.Errorf("SanitizeHTML(%q):\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestHTMLFieldSanitizesOnWrite(t *testing.T) {
	env := fieldsEnv(t)
	dirty := `<p class="c" style="color:red" onclick="x()">Hi<script>alert(1)</script></p>`
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "body": dirty, "raw_body": dirty, "plain_body": dirty})
	want := map[string]string{
		"body":       `<p class="c" style="color:red">Hi</p>`,
		"raw_body":   dirty,
		"plain_body": `<p>Hi</p>`,
	}
	check := func(when string) {
		t.Helper()
		env.InvalidateAll()
		for f, w := range want {
			if got := doc.Str(f); got != w {
				t.Errorf("%s %s: got %q, want %q", when, f, got, w)
			}
		}
	}
	check("after create")
	doc.Write(orm.Values{"body": dirty, "raw_body": dirty, "plain_body": dirty})
	check("after write")
	// a domain value is compared as given, not sanitized
	if got := env.Model("test.doc").Search([][]any{{"raw_body", "=", dirty}}); !got.Equal(doc) {
		t.Errorf("search raw_body = dirty: got %s, want %s", got, doc)
	}
}
