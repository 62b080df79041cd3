package orm

// Html fields are sanitized when written (create, write, compute), as
// Odoo's Html field (sanitize=True by default, tools/mail.py
// html_sanitize). What SanitizeHTML keeps:
//
//   - the tags of htmlTags (text formatting, headings, lists, tables,
//     links, images, sections, ...), with the attributes of htmlAttrs and
//     any data-* attribute;
//   - the text and entities, escaped again.
//
// What it drops:
//
//   - script, style, iframe, frame, frameset, object, embed, applet,
//     noscript, template, head, title, meta, link, base: the tag and all
//     it contains;
//   - any other unknown tag (form, input, svg, ...): the tag only, its
//     content stays;
//   - on* event attributes and every attribute not listed;
//   - URLs (href, src, action, ...) with a javascript:, vbscript: or data:
//     scheme (data:image/... stays on img src);
//   - style attributes holding expression() or javascript:, and every
//     style attribute with StripStyle, every class with StripClasses;
//   - comments, doctypes and processing instructions.
//
// Sanitize(false) keeps values as given.

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlKind serves Html fields: text columns whose values are sanitized.
type htmlKind struct{ textKind }

func (htmlKind) process(f *Field, v any) (any, error) {
	if !f.Sanitize {
		return v, nil
	}
	return SanitizeHTML(v.(string), HTMLOptions{StripStyle: f.StripStyle, StripClasses: f.StripClasses}), nil
}

// Sanitize sets whether an Html field sanitizes the values written
// (default true).
func (d *FieldDef) Sanitize(b bool) *FieldDef { return d.set(func(f *Field) { f.Sanitize = b }) }

// StripStyle makes an Html field drop style attributes.
func (d *FieldDef) StripStyle() *FieldDef { return d.set(func(f *Field) { f.StripStyle = true }) }

// StripClasses makes an Html field drop class attributes.
func (d *FieldDef) StripClasses() *FieldDef { return d.set(func(f *Field) { f.StripClasses = true }) }

// HTMLOptions are the options of SanitizeHTML.
type HTMLOptions struct {
	StripStyle   bool // drop style attributes
	StripClasses bool // drop class attributes
}

var htmlTags = setOf("a", "abbr", "acronym", "address", "area", "article", "aside", "b", "bdi", "bdo",
	"big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
	"details", "dfn", "dir", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1",
	"h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd", "label", "li",
	"main", "map", "mark", "nav", "ol", "p", "picture", "pre", "q", "s", "samp", "section", "small",
	"source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
	"th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr")

// htmlKilled are dropped with everything they contain.
var htmlKilled = setOf("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
	"noscript", "template", "head", "title", "meta", "link", "base")

var htmlAttrs = setOf("abbr", "align", "alt", "axis", "bgcolor", "border", "cellpadding", "cellspacing",
	"char", "charoff", "cite", "class", "clear", "color", "cols", "colspan", "compact", "coords",
	"datetime", "dir", "face", "headers", "height", "href", "hreflang", "hspace", "id", "lang",
	"loading", "name", "nowrap", "rel", "rev", "role", "rows", "rowspan", "rules", "scope", "shape",
	"size", "span", "src", "srcset", "start", "style", "summary", "tabindex", "target", "title", "type",
	"valign", "value", "vspace", "width", "controls", "poster", "aria-label", "aria-hidden")

var urlAttrs = setOf("href", "src", "srcset", "action", "cite", "longdesc", "usemap", "poster", "background")

func setOf(items ...string) map[string]bool {
	out := make(map[string]bool, len(items))
	for _, it := range items {
		out[it] = true
	}
	return out
}

// SanitizeHTML cleans an HTML fragment as Html fields do (see the list at
// the top of field_html.go). It never fails: the fragment is parsed as
// browsers parse it (broken markup repaired, raw-text elements such as
// script read to their end tag) and the cleaned tree is written back, so
// tags are always balanced.
func SanitizeHTML(src string, opts HTMLOptions) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil { // only a reader error, which a string reader has not
		return html.EscapeString(src)
	}
	var b strings.Builder
	for _, n := range nodes {
		writeClean(&b, n, opts)
	}
	return b.String()
}

// writeClean writes node n cleaned: text escaped, allowed elements with
// their safe attributes, unknown elements as their content only; killed
// elements, comments and doctypes are left out.
func writeClean(b *strings.Builder, n *html.Node, opts HTMLOptions) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(html.EscapeString(n.Data))
		return
	case html.ElementNode:
	default:
		return
	}
	if htmlKilled[n.Data] {
		return
	}
	keep := htmlTags[n.Data] && n.Namespace == ""
	if keep {
		tok := html.Token{Type: html.StartTagToken, Data: n.Data,
			Attr: cleanAttrs(n.Data, append([]html.Attribute(nil), n.Attr...), opts)}
		b.WriteString(tok.String())
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeClean(b, c, opts)
	}
	if keep && !htmlVoid[n.Data] {
		b.WriteString("</" + n.Data + ">")
	}
}

// htmlVoid are the elements without content or end tag.
var htmlVoid = setOf("area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")

// cleanAttrs keeps the safe attributes of a tag.
func cleanAttrs(tag string, attrs []html.Attribute, opts HTMLOptions) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		name := strings.ToLower(a.Key)
		switch {
		case a.Namespace != "":
		case !htmlAttrs[name] && !strings.HasPrefix(name, "data-"):
		case name == "style" && (opts.StripStyle || unsafeStyle(a.Val)):
		case name == "class" && opts.StripClasses:
		case urlAttrs[name] && unsafeURL(tag, name, a.Val):
		default:
			a.Key = name
			out = append(out, a)
		}
	}
	return out
}

// unsafeURL reports a script URL; browsers ignore whitespace and control
// characters inside the scheme, so they are ignored here too.
func unsafeURL(tag, attr, v string) bool {
	s := strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, html.UnescapeString(v)))
	switch {
	case strings.HasPrefix(s, "javascript:"), strings.HasPrefix(s, "vbscript:"):
		return true
	case strings.HasPrefix(s, "data:"):
		return !(tag == "img" && attr == "src" && strings.HasPrefix(s, "data:image/"))
	}
	return strings.Contains(s, "javascript:") && attr == "srcset"
}

func unsafeStyle(v string) bool {
	s := strings.ToLower(strings.ReplaceAll(v, " ", ""))
	return strings.Contains(s, "expression(") || strings.Contains(s, "javascript:") || strings.Contains(s, "behavior:")
}
