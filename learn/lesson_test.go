package learn_test

import (
	"strings"
	"testing"

	"odsh/learn"
)

func TestAllLessonsParse(t *testing.T) {
	ls, err := learn.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) == 0 {
		t.Fatal("no lessons")
	}
	for _, l := range ls {
		if l.Python == "" || l.Go == "" || l.Text == "" {
			t.Errorf("lesson %d %s: want an explanation and Odoo and odsh side by side", l.Number, l.Name)
		}
	}
}

func TestParse(t *testing.T) {
	const good = "---\ntitle: T\ncompare: set\n---\nText.\n\n## Odoo\n```python\nenv['x']\n```\n## odsh\n```go\nenv.Model(\"x\")\n```\n## Task\nDo.\n## Hint\nH1\n## Hint\nH2\n## Answer\n```go\na\n## not a heading\n```\n## Wrong\n```go\nb\n```\n"
	l, err := learn.Parse("07-thing.md", good)
	if err != nil {
		t.Fatal(err)
	}
	if l.Number != 7 || l.Name != "thing" || l.Title != "T" || l.Compare != learn.CompareSet {
		t.Errorf("got %d %q %q %q, want 7 thing T set", l.Number, l.Name, l.Title, l.Compare)
	}
	if l.Answer != "a\n## not a heading" || l.Wrong != "b" || l.Python != "env['x']" || len(l.Hints) != 2 || l.Text != "Text." {
		t.Errorf("sections: got %+v", l)
	}
	bad := []struct{ name, file, src, want string }{
		{"file name", "thing.md", good, "NN-name.md"},
		{"no front matter", "01-a.md", "title: T\n", "no front matter"},
		{"unknown key", "01-a.md", "---\ntitel: T\n---\n", "unknown key"},
		{"bad compare", "01-a.md", strings.Replace(good, "compare: set", "compare: same", 1), "compare"},
		{"nothing judges", "01-a.md", strings.Replace(good, "compare: set", "title: T", 1), "nothing would judge"},
		{"unknown section", "01-a.md", good + "## Solution\nx\n", "unknown section"},
		{"no wrong answer", "01-a.md", strings.Replace(good, "## Wrong", "## Hint", 1), "Wrong"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			_, err := learn.Parse(b.file, b.src)
			if err == nil || !strings.Contains(err.Error(), b.want) {
				t.Errorf("got %v, want an error saying %q", err, b.want)
			}
		})
	}
}
