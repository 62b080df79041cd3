package printer_test

import (
	"testing"
	"time"

	"odsh/internal/testdb"
	"odsh/orm"
)

func TestMain(m *testing.M) { testdb.Main(m) }

// fixedTime is the create and write date of every seeded record, so that
// golden files do not change with the clock.
var fixedTime = time.Date(2026, 11, 22, 14, 3, 5, 0, time.UTC)

// restartIDs makes the next ids of table start at first, so that golden
// files do not depend on which tests ran before (sequences ignore
// rollbacks).
func restartIDs(env *orm.Env, table string, first int64) {
	env.Tx().Exec("SELECT setval($1::regclass, $2, false)", table+"_id_seq", first)
}

// fixDates sets the log-access dates of table's rows from id first on to
// fixedTime, and empties the cache.
func fixDates(env *orm.Env, table string, first int64) {
	env.FlushAll()
	env.Tx().Exec("UPDATE "+table+" SET create_date = $1, write_date = $1 WHERE id >= $2", fixedTime, first)
	env.InvalidateAll()
}

// seedPartners creates five partners with ids from 1000: companies and a
// contact, tags, CJK and emoji names, empty values.
func seedPartners(t *testing.T, env *orm.Env) orm.Recordset {
	t.Helper()
	restartIDs(env, "res_partner", 1000)
	restartIDs(env, "res_partner_category", 100)
	cats := env.Model("res.partner.category")
	vip := cats.Create(orm.Values{"name": "VIP"}).ID()
	reseller := cats.Create(orm.Values{"name": "Reseller"}).ID()
	partners := env.Model("res.partner")
	azure := partners.Create(orm.Values{
		"name": "Azure Interior", "is_company": true, "email": "azure.interior24@example.com",
		"phone": "+1 555-0101", "city": "Fremont", "country_id": env.Ref("base.us").ID(),
		"category_id": []int64{vip, reseller}, "comment": "Prefers email.\nCall after 10.",
	})
	for _, vals := range []orm.Values{
		{"name": "Brandon Freeman", "parent_id": azure.ID(), "email": "brandon.freeman55@example.com",
			"city": "Fremont", "country_id": env.Ref("base.us").ID(), "function": "Sales Manager"},
		{"name": "Deco Addict", "is_company": true, "email": "deco.addict82@example.com",
			"city": "Liège", "country_id": env.Ref("base.be").ID(), "category_id": []int64{vip}},
		{"name": "株式会社 日本語テスト商事", "is_company": true, "email": "info@nihongo.example.jp",
			"phone": "+81 3-1234-5678", "city": "東京", "country_id": env.Ref("base.jp").ID()},
		{"name": "Café 🚀 Rocket Émoji", "type": "invoice", "color": 3},
	} {
		partners.Create(vals)
	}
	fixDates(env, "res_partner", 1000)
	fixDates(env, "res_partner_category", 100)
	return partners.Search("[('id', '>=', 1000)]")
}

// seedMany inserts n partners with ids from 100000 in one statement,
// without the ORM, and returns them.
func seedMany(env *orm.Env, n int) orm.Recordset {
	restartIDs(env, "res_partner", 100000)
	env.Tx().Exec(`INSERT INTO res_partner (name, complete_name, email, city, country_id, active, is_company, type,
			create_uid, write_uid, create_date, write_date)
		SELECT 'Partner ' || lpad(i::text, 5, '0'), 'Partner ' || lpad(i::text, 5, '0'), 'p' || i || '@example.com',
			'City ' || (i % 7), $2::int, true, i % 10 = 0, 'contact', 1, 1, $3, $3
		FROM generate_series(1, $1::int) AS i`, n, env.Ref("base.be").ID(), fixedTime)
	// what the ORM computes: the commercial entity of a partner without
	// parent is itself, a company's company name its own name
	env.Tx().Exec(`UPDATE res_partner SET commercial_partner_id = id,
		commercial_company_name = CASE WHEN is_company THEN name END WHERE id >= 100000`)
	return env.Model("res.partner").Search("[('id', '>=', 100000)]")
}
