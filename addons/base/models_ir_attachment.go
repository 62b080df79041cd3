package base

import (
	"crypto/sha1"
	"encoding/hex"
	"net/http"

	"odsh/orm"
)

// attachmentModels is ir.attachment: files attached to records, and the
// storage of the binary fields kept in attachments (res_field names the
// field; the ORM reads and writes db_datas directly). Unlike Odoo, data
// always lives in the database (db_datas): there is no file store.
var attachmentModels = []orm.ModelDef{{
	Name: "ir.attachment", Description: "Attachment", Order: "id desc",
	Fields: []*orm.FieldDef{
		orm.Char("name").Required(),
		orm.Text("description"),
		orm.Char("res_model").Label("Resource Model").Index(),
		orm.Char("res_field").Label("Resource Field").Index(),
		orm.Many2oneReference("res_id", "res_model").Label("Resource ID").Index(),
		orm.Many2one("company_id", "res.company").Label("Company"),
		orm.Selection("type",
			orm.SelectionItem{Value: "url", Label: "URL"},
			orm.SelectionItem{Value: "binary", Label: "File"}).Required().Default("binary"),
		orm.Char("url").Size(1024),
		orm.Boolean("public").Label("Is public document"),
		orm.Binary("db_datas").Label("Database Data").Attachment(false),
		orm.Binary("datas").Label("File Content").Compute(computeDatas, "db_datas").Inverse(inverseDatas),
		orm.Integer("file_size").Label("File Size").Compute(computeFileInfo, "db_datas").Store(),
		orm.Char("checksum").Label("Checksum/SHA1").Size(40).Compute(computeFileInfo, "db_datas").Store(),
		orm.Char("mimetype").Label("Mime Type").Compute(computeMimetype, "db_datas").Store().Readonly(false),
	},
}}

// computeDatas shows db_datas as datas.
func computeDatas(rs orm.Recordset) {
	for _, r := range rs.Records() {
		r.Set("datas", r.Get("db_datas"))
	}
}

// inverseDatas stores datas in db_datas.
func inverseDatas(rs orm.Recordset) {
	for _, r := range rs.Records() {
		r.Set("db_datas", r.Get("datas"))
	}
}

// computeFileInfo derives the size and the SHA-1 checksum from the
// content.
func computeFileInfo(rs orm.Recordset) {
	for _, r := range rs.Records() {
		data, _ := r.Get("db_datas").([]byte)
		vals := orm.Values{"file_size": len(data), "checksum": false}
		if len(data) > 0 {
			sum := sha1.Sum(data)
			vals["checksum"] = hex.EncodeToString(sum[:])
		}
		r.Write(vals)
	}
}

// computeMimetype sniffs the MIME type of the content as net/http does;
// a type given at creation is kept.
func computeMimetype(rs orm.Recordset) {
	for _, r := range rs.Records() {
		data, _ := r.Get("db_datas").([]byte)
		if len(data) == 0 {
			r.Set("mimetype", false)
			continue
		}
		r.Set("mimetype", http.DetectContentType(data))
	}
}
