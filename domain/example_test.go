package domain_test

import (
	"fmt"

	"odsh/domain"
)

func ExampleParse() {
	d, err := domain.Parse(`[('name', 'ilike', 'acme'), '|', ('country_id.code', 'in', ('BE', 'DE')), ('parent_id', '=', False)]`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	fmt.Println(domain.NOT(d))

	_, err = domain.Parse(`[('name', '==', 'acme')]`)
	fmt.Println(err)
	// Output:
	// [('name', 'ilike', 'acme'), '|', ('country_id.code', 'in', ['BE', 'DE']), ('parent_id', '=', False)]
	// ['|', ('name', 'not ilike', 'acme'), '&', ('country_id', 'not any', [('code', 'in', ['BE', 'DE'])]), ('parent_id', '!=', False)]
	// domain: position 10: unknown operator "=="
}

func ExampleAND() {
	d := domain.AND(
		domain.Cond("active", domain.Eq, true),
		domain.TRUE,
		domain.OR(domain.Cond("qty", domain.Gt, 0), domain.Cond("tag_ids", domain.In, []int{1, 2})),
	)
	fmt.Println(d)
	fmt.Println(domain.AND(d, domain.FALSE))
	// Output:
	// [('active', '=', True), '|', ('qty', '>', 0), ('tag_ids', 'in', [1, 2])]
	// [(0, '=', 1)]
}

func ExampleParseWith() {
	d, err := domain.ParseWith(`[('company_id', 'in', company_ids), ('user_id', '=', uid)]`,
		domain.Vars{"company_ids": []int{1, 3}, "uid": 2})
	fmt.Println(d, err)
	// Output:
	// [('company_id', 'in', [1, 3]), ('user_id', '=', 2)] <nil>
}
