package printer_test

import (
	"bytes"
	"strings"
	"testing"

	"odsh/internal/testdb"
	"odsh/orm"
	"odsh/printer"
)

// A Many2oneReference shows as the display name of its record, a binary as
// its size.
func TestShowReferenceAndBinary(t *testing.T) {
	env := testdb.Env(t)
	p := env.Model("res.partner").Create(orm.Values{"name": "Attached Partner"})
	att := env.Model("ir.attachment").Create(orm.Values{"name": "note.txt", "res_model": "res.partner",
		"res_id": p.ID(), "db_datas": []byte("twelve bytes")})
	var buf bytes.Buffer
	if err := printer.Show(&buf, att, printer.Options{Width: 100}, "name", "res_id", "db_datas", "datas"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Attached Partner", "<12 bytes>"} {
		if !strings.Contains(out, want) {
			t.Errorf("card lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "twelve") || strings.Contains(out, "res.partner(") {
		t.Errorf("card dumps the binary or the recordset repr:\n%s", out)
	}
}
