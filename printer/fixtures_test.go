package printer

import (
	"strconv"
	"time"
)

// partnerColumns are the columns of a res.partner listing, in the order
// the ORM would give them: id, display name, then stored fields.
var partnerColumns = []Column{
	{Name: "id", Align: AlignRight},
	{Name: "display_name"},
	{Name: "email"},
	{Name: "phone"},
	{Name: "country_id"},
	{Name: "credit_limit", Align: AlignRight},
	{Name: "is_company"},
	{Name: "create_date"},
	{Name: "category_id"},
	{Name: "comment"},
}

// partner is one row of values before formatting.
type partner struct {
	id       int64
	name     string
	email    any
	phone    any
	country  any
	credit   float64
	company  bool
	created  time.Time
	category []int64
	comment  any
}

var created = time.Date(2026, 11, 22, 14, 3, 5, 0, time.UTC)

var partners = []partner{
	{1, "Azure Interior", "azure.interior24@example.com", "+1 555-0101", "United States", 12500, true, created, []int64{1, 3}, "Prefers email.\nCall after 10."},
	{2, "Deco Addict", "deco.addict82@example.com", nil, "Belgium", 0, true, created.Add(time.Hour), nil, nil},
	{3, "Brandon Freeman, Azure Interior", "brandon.freeman55@example.com", "(355)-687-3262", "United States", 1500.5, false, created.Add(26 * time.Hour), []int64{4, 5, 6, 7}, "Tab\tseparated"},
	{4, "株式会社 日本語テスト商事", "info@nihongo.example.jp", "+81 3-1234-5678", "日本", 990000, true, created, []int64{8}, "全角のコメントです"},
	{5, "Café 🚀 Rocket Émoji Ltd", nil, "+33 1 23 45 67 89", nil, -250.25, true, created, nil, "🎉🎉🎉 party"},
}

// partnerRow formats one partner the way the ORM glue would.
func partnerRow(p partner) []string {
	return []string{
		FormatValue(p.id, Hint{}),
		FormatValue(p.name, Hint{}),
		FormatValue(p.email, Hint{}),
		FormatValue(p.phone, Hint{}),
		FormatValue(p.country, Hint{}),
		FormatValue(p.credit, Digits(2)),
		FormatValue(p.company, Hint{}),
		FormatValue(p.created, Hint{Kind: KindDatetime}),
		FormatX2many("res.partner.category", p.category),
		FormatValue(p.comment, Hint{}),
	}
}

// partnerTable is the res.partner listing.
func partnerTable() Table {
	t := Table{Title: "res.partner (5 records)", Columns: partnerColumns}
	for _, p := range partners {
		t.Rows = append(t.Rows, partnerRow(p))
	}
	return t
}

// bigTable is a result of total rows of which the first n were fetched.
func bigTable(n, total int) Table {
	t := Table{
		Title:   "demo.order",
		Columns: []Column{{Name: "id"}, {Name: "name"}, {Name: "amount_total"}, {Name: "state"}},
		Total:   total,
	}
	for i := 1; i <= n; i++ {
		amount := FormatValue(float64(i)*10.5, Digits(2))
		t.Rows = append(t.Rows, []string{strconv.Itoa(i), "SO" + strconv.Itoa(1000+i), amount, "draft"})
	}
	return t
}

// partnerCard is the card of partner 1.
func partnerCard() Card {
	p := partners[0]
	return Card{
		Title: "res.partner(1) Azure Interior",
		Groups: []Group{
			{Fields: []Field{
				{"id", FormatValue(p.id, Hint{})},
				{"display_name", p.name},
				{"is_company", FormatValue(p.company, Hint{})},
			}},
			{Name: "Contact", Fields: []Field{
				{"email", FormatValue(p.email, Hint{})},
				{"phone", FormatValue(p.phone, Hint{})},
				{"mobile", FormatValue(nil, Hint{})},
				{"website", "https://www.azure-interior.example.com/a/very/long/path/that/goes/on/and/on/and/on/until/it/is/cut"},
			}},
			{Name: "Sales & Purchase", Fields: []Field{
				{"credit_limit", FormatValue(p.credit, Digits(2))},
				{"category_id", FormatX2many("res.partner.category", p.category)},
				{"child_ids", FormatX2many("res.partner", []int64{3, 9, 12, 27, 31})},
				{"user_id", "Mitchell Admin"},
				{"date", FormatValue(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Hint{})},
			}},
			{Name: "Internal Notes", Fields: []Field{
				{"comment", p.comment.(string)},
				{"property_account_receivable_id_with_a_very_long_name", "121000 Account Receivable"},
			}},
		},
	}
}

// orderChart is amount_total grouped by partner, with a refund.
var orderChart = struct {
	labels []string
	values []float64
}{
	labels: []string{"Azure Interior", "Deco Addict", "Brandon Freeman, Azure Interior — a label far too long to show", "株式会社 日本語テスト商事", "Refunds", "Nobody"},
	values: []float64{12500.5, 980, 4321.25, 7000, -3200.75, 0},
}
