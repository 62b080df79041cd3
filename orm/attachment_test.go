package orm_test

import (
	"bytes"
	"errors"
	"testing"

	"odsh/orm"
)

// attachmentRows returns the db_datas of the attachments of field of rec.
func attachmentRows(env *orm.Env, rec orm.Recordset, field string) [][]byte {
	var out [][]byte
	for _, row := range sqlRows(env, `SELECT db_datas FROM ir_attachment WHERE res_model = %s AND res_field = %s AND res_id = %s ORDER BY id`,
		rec.ModelName(), field, rec.ID()) {
		b, _ := row[0].([]byte)
		out = append(out, b)
	}
	return out
}

func TestBinaryAttachmentHasNoColumn(t *testing.T) {
	env := fieldsEnv(t)
	m := env.Model("test.doc").Model()
	if c := m.Field("file").Column(); c != "" {
		t.Errorf("file column: got %q, want none (attachment)", c)
	}
	if c := m.Field("raw").Column(); c != "raw" {
		t.Errorf("raw column: got %q, want raw (Attachment(false))", c)
	}
	if !m.Field("file").Attachment || m.Field("raw").Attachment {
		t.Errorf("Attachment: file %v raw %v, want true false", m.Field("file").Attachment, m.Field("raw").Attachment)
	}
}

func TestBinaryAttachmentCreateReadWrite(t *testing.T) {
	env := fieldsEnv(t)
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "file": []byte("hello")})
	if rows := attachmentRows(env, doc, "file"); len(rows) != 1 || string(rows[0]) != "hello" {
		t.Fatalf("attachments after create: got %q, want one \"hello\"", rows)
	}
	env.InvalidateAll()
	if got := doc.Get("file"); !bytes.Equal(got.([]byte), []byte("hello")) {
		t.Errorf("file: got %q, want hello", got)
	}
	doc.Set("file", "world")
	env.InvalidateAll()
	if got := doc.Str("file"); got != "world" {
		t.Errorf("file after write: got %q, want world", got)
	}
	if rows := attachmentRows(env, doc, "file"); len(rows) != 1 {
		t.Errorf("attachments after write: got %d, want 1 (rewritten)", len(rows))
	}
	att := env.Model("ir.attachment").Search([][]any{{"res_model", "=", "test.doc"}, {"res_id", "=", doc.ID()}})
	if att.Int("file_size") != 5 || att.Str("mimetype") != "text/plain; charset=utf-8" || att.Str("res_field") != "file" {
		t.Errorf("attachment: size %d mimetype %q res_field %q", att.Int("file_size"), att.Str("mimetype"), att.Str("res_field"))
	}
	doc.Set("file", false)
	if rows := attachmentRows(env, doc, "file"); len(rows) != 0 {
		t.Errorf("attachments after writing False: got %d, want 0", len(rows))
	}
	env.InvalidateAll()
	if got := doc.Get("file"); got != nil {
		t.Errorf("file after writing False: got %v, want nil", got)
	}
}

func TestBinaryAttachmentReadIsOneQueryPerBatch(t *testing.T) {
	env := fieldsEnv(t)
	vals := make([]orm.Values, 20)
	for i := range vals {
		vals[i] = orm.Values{"name": "D" + itoa(int64(i)), "file": []byte{byte(i + 1)}}
	}
	vals[3]["file"] = nil
	docs := env.Model("test.doc").Create(vals...)
	env.InvalidateAll()
	docs = env.Model("test.doc").Browse(docs.IDs()...)
	n, _ := countQueries(env, func() {
		for i, d := range docs.Records() {
			b, _ := d.Get("file").([]byte)
			if (i == 3) != (b == nil) || (b != nil && b[0] != byte(i+1)) {
				t.Errorf("doc %d: file %v", i, b)
			}
		}
	})
	if n != 1 {
		t.Errorf("reading file on 20 records: %d queries, want 1", n)
	}
	if v := docs.Read("file")[3]["file"]; v != nil {
		t.Errorf("read file of a doc without: got %v, want nil", v)
	}
}

func TestBinaryAttachmentSearch(t *testing.T) {
	env := fieldsEnv(t)
	with := env.Model("test.doc").Create(orm.Values{"name": "with", "file": "x"})
	without := env.Model("test.doc").Create(orm.Values{"name": "without"})
	docs := env.Model("test.doc")
	if got := docs.Search([][]any{{"file", "!=", false}}); !got.Equal(with) {
		t.Errorf("file != False: got %s, want %s", got, with)
	}
	if got := docs.Search([][]any{{"file", "=", false}}); !got.Equal(without) {
		t.Errorf("file = False: got %s, want %s", got, without)
	}
	if got := docs.Browse(with.ID(), without.ID()).FilteredDomain([][]any{{"file", "!=", false}}); !got.Equal(with) {
		t.Errorf("filtered file != False: got %s, want %s", got, with)
	}
	err := env.Catch(func() { docs.Search([][]any{{"file", "=", "x"}}) })
	var ve *orm.ValidationError
	if !errors.As(err, &ve) || ve.Field != "file" {
		t.Errorf("file = 'x': got %v, want a ValidationError naming file", err)
	}
}

func TestBinaryAttachmentUnlinkAndCopy(t *testing.T) {
	env := fieldsEnv(t)
	doc := env.Model("test.doc").Create(orm.Values{"name": "D", "file": "content",
		"line_ids": []orm.Cmd{orm.Command.Create(orm.Values{"name": "L", "data": "line data"})}})
	cp := doc.Copy(nil)
	if rows := attachmentRows(env, cp, "file"); len(rows) != 1 || string(rows[0]) != "content" {
		t.Errorf("copy's attachments: got %q, want one \"content\"", rows)
	}
	if got := cp.Rel("line_ids").Str("data"); got != "line data" {
		t.Errorf("copied line's data: got %q, want \"line data\"", got)
	}
	doc.Unlink()
	if rows := attachmentRows(env, doc, "file"); len(rows) != 0 {
		t.Errorf("attachments of a deleted record: got %d, want 0", len(rows))
	}
	env.InvalidateAll()
	if got := cp.Str("file"); got != "content" {
		t.Errorf("copy's file after deleting the original: got %q", got)
	}
}

func TestBinaryAttachmentOfDeletedRecordIsMissing(t *testing.T) {
	env := fieldsEnv(t)
	doc := env.Model("test.doc").Create(orm.Values{"name": "D"})
	ghost := env.Model("test.doc").Browse(doc.ID() + 1000)
	err := env.Catch(func() { ghost.Get("file") })
	var me *orm.MissingError
	if !errors.As(err, &me) {
		t.Errorf("file of a record that does not exist: got %v, want MissingError", err)
	}
}
