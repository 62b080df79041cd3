package base

import (
	"strings"

	"odsh/orm"
)

func sel(pairs ...string) []orm.SelectionItem {
	out := make([]orm.SelectionItem, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, orm.SelectionItem{Value: pairs[i], Label: pairs[i+1]})
	}
	return out
}

// langSelection lists the languages of res.lang (all of them: an inactive
// language may still be set on a partner).
func langSelection(env *orm.Env) []orm.SelectionItem {
	var out []orm.SelectionItem
	langs := env.Model("res.lang").Sudo().WithContext(orm.Ctx{"active_test": false}).Search(nil)
	for _, l := range langs.Records() {
		out = append(out, orm.SelectionItem{Value: l.Str("code"), Label: l.Str("name")})
	}
	return out
}

var resModels = []orm.ModelDef{
	{
		Name: "res.currency", Description: "Currency", Order: "active desc, name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Size(3).Label("Currency").Help("ISO 4217 code"),
			orm.Char("full_name").Label("Name"),
			orm.Char("symbol").Required(),
			orm.Selection("position", sel("after", "After Amount", "before", "Before Amount")...).Default("after"),
			orm.Float("rounding").Digits(12, 6).Default(0.01).Label("Rounding Factor"),
			orm.Integer("decimal_places").Default(2),
			orm.Boolean("active").Default(true),
		},
		SQLConstraints: []orm.SQLConstraint{
			{Name: "unique_name", Definition: "unique (name)", Message: "the currency code must be unique"},
			{Name: "rounding_gt_zero", Definition: "CHECK (rounding > 0)", Message: "the rounding factor must be greater than 0"},
		},
	},
	{
		Name: "res.country", Description: "Country", Order: "name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Translate().Label("Country Name"),
			orm.Char("code").Size(2).Label("Country Code").Help("ISO 3166-1 alpha-2"),
			orm.Integer("phone_code").Label("Country Calling Code"),
			orm.Many2one("currency_id", "res.currency"),
		},
		SQLConstraints: []orm.SQLConstraint{
			{Name: "name_uniq", Definition: "unique (name)", Message: "the name of the country must be unique"},
			{Name: "code_uniq", Definition: "unique (code)", Message: "the code of the country must be unique"},
		},
	},
	{
		Name: "res.lang", Description: "Languages", Order: "active desc, name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required(),
			orm.Char("code").Required().Label("Locale Code"),
			orm.Char("iso_code"),
			orm.Char("url_code"),
			orm.Selection("direction", sel("ltr", "Left-to-Right", "rtl", "Right-to-Left")...).Default("ltr"),
			orm.Char("date_format").Default("%m/%d/%Y"),
			orm.Char("time_format").Default("%H:%M:%S"),
			orm.Char("decimal_point").Default("."),
			orm.Char("thousands_sep").Default(","),
			orm.Selection("week_start", sel("1", "Monday", "2", "Tuesday", "3", "Wednesday", "4", "Thursday",
				"5", "Friday", "6", "Saturday", "7", "Sunday")...).Required().Default("7").Label("First Day of Week"),
			orm.Boolean("active"),
		},
		SQLConstraints: []orm.SQLConstraint{
			{Name: "code_uniq", Definition: "unique (code)", Message: "the code of the language must be unique"},
			{Name: "name_uniq", Definition: "unique (name)", Message: "the name of the language must be unique"},
		},
	},
	{
		Name: "res.partner.category", Description: "Partner Tags", Order: "name", ParentName: "parent_id", ParentStore: true,
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Translate().Label("Tag Name"),
			orm.Integer("color").Label("Color"),
			orm.Many2one("parent_id", "res.partner.category").Label("Parent Category").Index().Ondelete("cascade"),
			orm.One2many("child_ids", "res.partner.category", "parent_id").Label("Child Tags"),
			orm.Boolean("active").Default(true),
			orm.Char("parent_path").Index(),
			orm.Many2many("partner_ids", "res.partner").Relation("res_partner_res_partner_category_rel", "category_id", "partner_id").Copy(false),
			orm.Char("display_name").Compute(categoryDisplayName, "name", "parent_id.display_name"),
		},
	},
	{
		Name: "res.partner", Description: "Contact", Order: "complete_name ASC, id DESC",
		// Odoo: complete_name, email, ref, vat, company_registry
		RecNamesSearch: []string{"complete_name", "email", "ref", "vat"},
		Fields: []*orm.FieldDef{
			orm.Char("name").Index(),
			orm.Char("display_name").Compute(partnerDisplayName, partnerNameDepends...),
			orm.Boolean("is_company").Label("Is a Company").Default(false),
			orm.Many2one("parent_id", "res.partner").Label("Related Company").Index(),
			orm.One2many("child_ids", "res.partner", "parent_id").Label("Contact").Domain("[('active', '=', True)]"),
			orm.Char("ref").Label("Reference").Index(),
			orm.Selection("lang").SelectionFunc(langSelection).Label("Language").Default(func(env *orm.Env) any { return env.Lang() }),
			orm.Char("vat").Label("Tax ID"),
			orm.Char("website"),
			orm.HTML("comment").Label("Notes"),
			orm.Many2many("category_id", "res.partner.category").Relation("res_partner_res_partner_category_rel", "partner_id", "category_id").Label("Tags"),
			orm.Boolean("active").Default(true),
			orm.Selection("type", sel("contact", "Contact", "invoice", "Invoice Address", "delivery", "Delivery Address", "other", "Other Address")...).Default("contact").Label("Address Type"),
			orm.Char("street"),
			orm.Char("street2"),
			orm.Char("zip"), // Odoo 18: no size (change_default)
			orm.Char("city"),
			orm.Many2one("country_id", "res.country").Label("Country").Ondelete("restrict"),
			orm.Char("email"),
			orm.Char("phone"),
			orm.Char("mobile"),
			orm.Char("function").Label("Job Position"),
			orm.Many2one("company_id", "res.company").Label("Company").Index(),
			orm.Integer("color").Label("Color Index"),
			orm.One2many("user_ids", "res.users", "partner_id").Label("Users"),
			// Odoo's names of a contact: last, so that tables show the
			// fields people fill first
			orm.Char("complete_name").Label("Complete Name").Index().Store().
				Compute(partnerCompleteName, partnerNameDepends...),
			orm.Many2one("commercial_partner_id", "res.partner").Label("Commercial Entity").Index().Store().Recursive().
				Compute(partnerCommercialPartner, "is_company", "parent_id.commercial_partner_id"),
			orm.Char("company_name").Label("Company Name"),
			orm.Char("commercial_company_name").Label("Company Name Entity").Store().
				Compute(partnerCommercialCompanyName, "company_name", "parent_id.is_company", "commercial_partner_id.name"),
		},
		SQLConstraints: []orm.SQLConstraint{{Name: "check_name", Field: "name",
			Definition: "CHECK( (type='contact' AND name IS NOT NULL) or (type!='contact') )",
			Message:    "contacts require a name"}},
		Methods: map[string]orm.MethodDecorator{"copy": copyWithSuffix},
	},
	{
		Name: "res.company", Description: "Companies", Order: "sequence, name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required().Label("Company Name"),
			orm.Many2one("partner_id", "res.partner").Label("Partner").Required().Ondelete("restrict"),
			orm.Many2one("currency_id", "res.currency").Required().Default(func(env *orm.Env) any {
				if c, ok := env.RefOK("base.USD"); ok {
					return c.ID()
				}
				return nil
			}),
			orm.Many2one("parent_id", "res.company").Label("Parent Company").Index(),
			orm.One2many("child_ids", "res.company", "parent_id").Label("Branches"),
			orm.Integer("sequence").Default(10),
			orm.Char("email"),
			orm.Char("phone"),
			orm.Char("street"),
			orm.Char("zip"),
			orm.Char("city"),
			orm.Many2one("country_id", "res.country"),
			orm.Boolean("active").Default(true),
		},
		SQLConstraints: []orm.SQLConstraint{{Name: "name_uniq", Definition: "unique (name)", Message: "the company name must be unique"}},
		Methods:        map[string]orm.MethodDecorator{"create": companyCreate},
	},
	{
		Name: "res.groups", Description: "Access Groups", Order: "name",
		Fields: []*orm.FieldDef{
			orm.Char("name").Required(),
			orm.Text("comment"),
			orm.Many2many("users", "res.users").Relation("res_groups_users_rel", "gid", "uid"),
		},
	},
	{
		Name: "res.users", Description: "User", Order: "login",
		// a user is a partner: name, email, ... are the partner's (delegation)
		Inherits: map[string]string{"res.partner": "partner_id"},
		Fields: []*orm.FieldDef{
			orm.Many2one("partner_id", "res.partner").Required().Ondelete("restrict").Label("Related Partner"),
			orm.Char("login").Required().Help("used to log into the system"),
			orm.Boolean("active").Default(true),
			orm.Many2one("company_id", "res.company").Label("Company"),
			orm.Many2many("company_ids", "res.company").Relation("res_company_users_rel", "user_id", "cid").Label("Companies"),
			orm.Many2many("groups_id", "res.groups").Relation("res_groups_users_rel", "uid", "gid").Label("Groups"),
			orm.Char("tz").Label("Timezone"),
		},
		RecName:        "name",
		SQLConstraints: []orm.SQLConstraint{{Name: "login_key", Definition: "unique (login)", Message: "you can not have two users with the same login"}},
		Methods:        map[string]orm.MethodDecorator{"create": usersCreate},
	},
}

// partnerNameDepends are the dependencies of Odoo 18's
// res.partner._compute_complete_name.
var partnerNameDepends = []string{"is_company", "name", "parent_id.name", "type", "company_name", "commercial_company_name"}

// partnerTypesNamed are the address types that name an address without a
// name (Odoo's _complete_name_displayed_types).
var partnerTypesNamed = map[string]bool{"invoice": true, "delivery": true, "other": true}

// partnerFullName is Odoo 18's res.partner._get_complete_name: a contact
// of a company (or with a company name) is "Company, Contact"; an address
// without a name of the invoice, delivery or other type is named after its
// type ("Company, Delivery Address"); anything else is its name.
func partnerFullName(p orm.Recordset) string {
	name := p.Str("name")
	parent := p.Sudo().Rel("parent_id")
	if p.Str("company_name") != "" || parent.Len() > 0 {
		if typ := p.Str("type"); name == "" && partnerTypesNamed[typ] {
			name = p.Model().Field("type").SelectionLabel(p.Env(), typ)
		}
		if !p.Bool("is_company") {
			company := p.Str("commercial_company_name")
			if company == "" {
				company = parent.Str("name")
			}
			name = company + ", " + name
		}
	}
	return strings.TrimSpace(name)
}

// partnerCompleteName is the stored complete_name (the partners' order).
func partnerCompleteName(rs orm.Recordset) {
	for _, p := range rs.Records() {
		p.Set("complete_name", nilIfEmpty(partnerFullName(p)))
	}
}

// partnerDisplayName is the complete name, computed for the env (Odoo
// 18's _compute_display_name without its context flags).
func partnerDisplayName(rs orm.Recordset) {
	for _, p := range rs.Records() {
		p.Set("display_name", nilIfEmpty(partnerFullName(p)))
	}
}

// partnerCommercialPartner is the partner itself for a company or a
// partner without parent, else its parent's commercial partner.
func partnerCommercialPartner(rs orm.Recordset) {
	for _, p := range rs.Records() {
		if parent := p.Rel("parent_id"); p.Bool("is_company") || parent.Len() == 0 {
			p.Set("commercial_partner_id", p.ID())
		} else {
			p.Set("commercial_partner_id", parent.Rel("commercial_partner_id").ID())
		}
	}
}

// partnerCommercialCompanyName is the commercial partner's name when it is
// a company, else the partner's own company name.
func partnerCommercialCompanyName(rs orm.Recordset) {
	for _, p := range rs.Records() {
		if cp := p.Rel("commercial_partner_id"); cp.Len() > 0 && cp.Bool("is_company") {
			p.Set("commercial_company_name", nilIfEmpty(cp.Str("name")))
		} else {
			p.Set("commercial_company_name", nilIfEmpty(p.Str("company_name")))
		}
	}
}

// nilIfEmpty stores "" as NULL (Odoo's False).
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// categoryDisplayName is the full path: "Root / Child / Leaf".
func categoryDisplayName(rs orm.Recordset) {
	for _, c := range rs.Records() {
		names := []string{c.Str("name")}
		seen := map[int64]bool{c.ID(): true}
		for p := c.Rel("parent_id"); p.Len() > 0 && !seen[p.ID()]; p = p.Rel("parent_id") {
			seen[p.ID()] = true
			names = append([]string{p.Str("name")}, names...)
		}
		c.Set("display_name", strings.Join(names, " / "))
	}
}

// copyWithSuffix names a copy "<name> (copy)", as Odoo does for partners.
func copyWithSuffix(super orm.Method) orm.Method {
	return func(rs orm.Recordset, args ...any) any {
		var def orm.Values
		if len(args) > 0 && args[0] != nil {
			def, _ = args[0].(orm.Values)
		}
		var out orm.Recordset
		for i, rec := range rs.Records() {
			vals := orm.Values{}
			for k, v := range def {
				vals[k] = v
			}
			if _, ok := vals["name"]; !ok {
				vals["name"] = rec.Str("name") + " (copy)"
			}
			c := super(rec, vals).(orm.Recordset)
			if i == 0 {
				out = c
			} else {
				out = out.Concat(c)
			}
		}
		return out
	}
}

// companyCreate creates the company's partner when none is given.
func companyCreate(super orm.Method) orm.Method {
	return func(rs orm.Recordset, args ...any) any {
		list := args[0].([]orm.Values)
		for i, vals := range list {
			if vals["partner_id"] == nil {
				p := rs.Env().Model("res.partner").Create(orm.Values{"name": vals["name"], "is_company": true,
					"email": vals["email"], "phone": vals["phone"]})
				v := orm.Values{}
				for k, x := range vals {
					v[k] = x
				}
				v["partner_id"] = p.ID()
				list[i] = v
			}
		}
		return super(rs, list)
	}
}

// usersCreate names a user created without a partner nor a name after its
// login; the partner itself is created by delegation (_inherits).
func usersCreate(super orm.Method) orm.Method {
	return func(rs orm.Recordset, args ...any) any {
		list := args[0].([]orm.Values)
		for _, vals := range list {
			if vals["partner_id"] == nil && vals["name"] == nil {
				vals["name"] = vals["login"]
			}
		}
		return super(rs, list)
	}
}
