package base

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// dataFile is one parsed CSV file of data/.
type dataFile struct {
	name   string
	header []string
	rows   [][]string
	col    map[string]int // column name -> index
	ids    map[string]int // external id -> row index
}

// get returns the cell of row under column, or "" when the row is too short
// (a short row is already reported by loadDataFile).
func (f *dataFile) get(row []string, column string) string {
	i, ok := f.col[column]
	if !ok || i >= len(row) {
		return ""
	}
	return row[i]
}

// dataFiles lists the files of data/ in load order: those the addon loads.
var dataFiles = func() []string {
	var out []string
	for _, d := range Addon.Data {
		out = append(out, strings.TrimPrefix(d.Path, "data/"))
	}
	return out
}()

// references maps file -> relational column -> file its ids must resolve to.
var references = map[string]map[string]string{
	"res.country.csv":          {"currency_id:id": "res.currency.csv"},
	"res.partner.category.csv": {"parent_id:id": "res.partner.category.csv"},
	"res.company.csv":          {"partner_id:id": "base_partners.csv", "currency_id:id": "res.currency.csv"},
	"ir.model.access.csv":      {"model_id:id": "", "group_id:id": "res.groups.csv"},
	"ir.rule.csv":              {"model_id:id": ""},
	"res.users.csv": {"partner_id:id": "base_partners.csv", "company_id:id": "res.company.csv",
		"company_ids:id": "res.company.csv", "groups_id:id": "res.groups.csv"},
}

func loadDataFile(t *testing.T, name string) *dataFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("data", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s: starts with a UTF-8 BOM", name)
	}
	if !utf8.Valid(raw) {
		t.Errorf("%s: not valid UTF-8", name)
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.FieldsPerRecord = -1 // checked below, with a clearer message
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: parse: %v", name, err)
	}
	if len(records) < 2 {
		t.Fatalf("%s: want a header and at least one row, got %d records", name, len(records))
	}
	f := &dataFile{name: name, header: records[0], rows: records[1:],
		col: map[string]int{}, ids: map[string]int{}}
	if f.header[0] != "id" {
		t.Errorf("%s: first column is %q, want \"id\"", name, f.header[0])
	}
	for i, h := range f.header {
		if _, dup := f.col[h]; dup {
			t.Errorf("%s: duplicate column %q", name, h)
		}
		f.col[h] = i
	}
	for i, row := range f.rows {
		line := i + 2
		if len(row) != len(f.header) {
			t.Errorf("%s:%d: %d cells, header has %d", name, line, len(row), len(f.header))
			continue
		}
		id := row[0]
		switch {
		case id == "":
			t.Errorf("%s:%d: empty id", name, line)
		case strings.Contains(id, "."):
			t.Errorf("%s:%d: id %q has a module prefix", name, line, id)
		default:
			if prev, dup := f.ids[id]; dup {
				t.Errorf("%s:%d: duplicate id %q (first on line %d)", name, line, id, prev+2)
			} else {
				f.ids[id] = i
			}
		}
	}
	return f
}

func loadAll(t *testing.T) map[string]*dataFile {
	t.Helper()
	files := map[string]*dataFile{}
	for _, name := range dataFiles {
		files[name] = loadDataFile(t, name)
	}
	return files
}

func TestDataFilesParse(t *testing.T) {
	files := loadAll(t)
	// data/ holds no CSV this test does not know about.
	entries, err := os.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") && files[e.Name()] == nil {
			t.Errorf("data/%s is not listed in dataFiles", e.Name())
		}
	}
	for _, f := range files {
		for _, c := range f.header {
			if c != "active" {
				continue
			}
			for r, row := range f.rows {
				if v := f.get(row, c); v != "True" && v != "False" {
					t.Errorf("%s:%d: active = %q, want True or False", f.name, r+2, v)
				}
			}
		}
	}
}

func TestDataReferences(t *testing.T) {
	files := loadAll(t)
	for _, f := range files {
		for _, h := range f.header {
			if !strings.HasSuffix(h, ":id") {
				continue
			}
			target, ok := references[f.name][h]
			if !ok {
				t.Errorf("%s: relational column %q has no known target file", f.name, h)
				continue
			}
			if target == "" {
				continue // ids made at install (ir.model's model_*): checked by the install test
			}
			tf := files[target]
			for i, row := range f.rows {
				cell := f.get(row, h)
				if cell == "" {
					continue
				}
				for _, ref := range strings.Split(cell, ",") { // many2many: several ids
					j, ok := tf.ids[ref]
					if !ok {
						t.Errorf("%s:%d: %s = %q not found in %s", f.name, i+2, h, ref, target)
						continue
					}
					// Rows load in file order: same-file references point backwards.
					if target == f.name && j >= i {
						t.Errorf("%s:%d: %s = %q refers to a row that is not loaded before it",
							f.name, i+2, h, ref)
					}
				}
			}
		}
	}
}

func TestCountries(t *testing.T) {
	f := loadDataFile(t, "res.country.csv")
	codeRe := regexp.MustCompile(`^[A-Z]{2}$`)
	seen := map[string]int{}
	for i, row := range f.rows {
		line := i + 2
		id, code, name := row[0], f.get(row, "code"), f.get(row, "name")
		if !codeRe.MatchString(code) {
			t.Errorf("%s:%d: code %q is not two uppercase letters", f.name, line, code)
		}
		if prev, dup := seen[code]; dup {
			t.Errorf("%s:%d: duplicate code %q (first on line %d)", f.name, line, code, prev)
		}
		seen[code] = line
		wantID := strings.ToLower(code)
		if code == "GB" {
			wantID = "uk" // Odoo's historical id for the United Kingdom
		}
		if id != wantID {
			t.Errorf("%s:%d: id %q for code %q, want %q", f.name, line, id, code, wantID)
		}
		if name == "" {
			t.Errorf("%s:%d: empty name", f.name, line)
		}
		if p := f.get(row, "phone_code"); p != "" {
			if n, err := strconv.Atoi(p); err != nil || n <= 0 {
				t.Errorf("%s:%d: phone_code %q is not a positive integer", f.name, line, p)
			}
		}
	}
	for _, code := range []string{"BE", "FR", "US", "GB", "DE"} {
		if _, ok := seen[code]; !ok {
			t.Errorf("%s: country %s missing", f.name, code)
		}
	}
}

func TestCurrencies(t *testing.T) {
	f := loadDataFile(t, "res.currency.csv")
	nameRe := regexp.MustCompile(`^[A-Z]{3}$`)
	seen := map[string]int{}
	active := map[string]bool{}
	for i, row := range f.rows {
		line := i + 2
		name := f.get(row, "name")
		if !nameRe.MatchString(name) {
			t.Errorf("%s:%d: name %q is not three uppercase letters", f.name, line, name)
		}
		if prev, dup := seen[name]; dup {
			t.Errorf("%s:%d: duplicate name %q (first on line %d)", f.name, line, name, prev)
		}
		seen[name] = line
		if row[0] != name {
			t.Errorf("%s:%d: id %q differs from name %q", f.name, line, row[0], name)
		}
		if f.get(row, "full_name") == "" || f.get(row, "symbol") == "" {
			t.Errorf("%s:%d: empty full_name or symbol", f.name, line)
		}
		if p := f.get(row, "position"); p != "before" && p != "after" {
			t.Errorf("%s:%d: position %q, want before or after", f.name, line, p)
		}
		dp, err := strconv.Atoi(f.get(row, "decimal_places"))
		if err != nil || dp < 0 || dp > 6 {
			t.Errorf("%s:%d: bad decimal_places %q", f.name, line, f.get(row, "decimal_places"))
			continue
		}
		rounding, err := strconv.ParseFloat(f.get(row, "rounding"), 64)
		if err != nil || rounding <= 0 {
			t.Errorf("%s:%d: bad rounding %q", f.name, line, f.get(row, "rounding"))
			continue
		}
		if want := math.Pow10(-dp); math.Abs(rounding-want) > want*1e-9 {
			t.Errorf("%s:%d: %s rounding %v disagrees with decimal_places %d (want %v)",
				f.name, line, name, rounding, dp, want)
		}
		if f.get(row, "active") == "True" {
			active[name] = true
		}
	}
	if got := fmt.Sprint(len(active), active["EUR"], active["USD"]); got != "2 true true" {
		t.Errorf("%s: active currencies = %v, want exactly EUR and USD", f.name, active)
	}
}

func TestLanguages(t *testing.T) {
	f := loadDataFile(t, "res.lang.csv")
	seen := map[string]int{}
	var active []string
	for i, row := range f.rows {
		line := i + 2
		code := f.get(row, "code")
		if prev, dup := seen[code]; dup {
			t.Errorf("%s:%d: duplicate code %q (first on line %d)", f.name, line, code, prev)
		}
		seen[code] = line
		if d := f.get(row, "direction"); d != "ltr" && d != "rtl" {
			t.Errorf("%s:%d: direction %q, want ltr or rtl", f.name, line, d)
		}
		for _, c := range []string{"name", "code", "iso_code", "url_code", "date_format", "time_format", "decimal_point"} {
			if f.get(row, c) == "" {
				t.Errorf("%s:%d: empty %s", f.name, line, c)
			}
		}
		if f.get(row, "active") == "True" {
			active = append(active, code)
		}
	}
	if len(active) != 1 || active[0] != "en_US" {
		t.Errorf("%s: active languages = %v, want [en_US]", f.name, active)
	}
}
