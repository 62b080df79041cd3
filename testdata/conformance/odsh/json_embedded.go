package main

import (
	"encoding/json"
	"fmt"
)

// encoding/json promotes the fields of an embedded struct.

type Timestamps struct {
	Created string `json:"created"`
	Updated string `json:"updated,omitempty"`
}

type Base struct {
	ID   int
	Name string
}

type meta struct {
	Source string
}

type Partner struct {
	Base
	Timestamps
	Email string `json:"email"`
}

type Order struct {
	*Base
	meta
	Lines []Line
	Name  string // wins over Base.Name
}

type Line struct {
	Base
	Qty float64
}

type Tagged struct {
	Base  `json:"base"`
	Extra bool
}

func main() {
	p := Partner{Base{1, "Azure"}, Timestamps{Created: "2024-01-01"}, "azure@example.com"}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(&p, "", "  ")
	fmt.Println(string(b))

	o := Order{Base: &Base{ID: 7}, meta: meta{"web"}, Lines: []Line{{Base{1, "desk"}, 2}, {Base{2, "chair"}, 4}}, Name: "SO007"}
	b, _ = json.Marshal(o)
	fmt.Println(string(b))
	b, _ = json.Marshal([]Partner{p, p})
	fmt.Println(string(b))
	b, _ = json.Marshal(map[string]Line{"a": {Base{3, "lamp"}, 1}})
	fmt.Println(string(b))
	b, _ = json.Marshal(Tagged{Base{4, "t"}, true})
	fmt.Println(string(b))

	var q Partner
	err = json.Unmarshal([]byte(`{"ID":9,"Name":"Deco","created":"2025","email":"d@x.com"}`), &q)
	fmt.Printf("%+v %v\n", q, err)
	var o2 Order
	err = json.Unmarshal([]byte(`{"ID":8,"Source":"api","Lines":[{"ID":1,"Name":"x","Qty":3}],"Name":"SO008"}`), &o2)
	fmt.Println(o2.Base != nil && o2.ID == 8, o2.Source, o2.Lines, o2.Name, err)
	var ps []Partner
	err = json.Unmarshal([]byte(`[{"ID":1},{"Name":"two"}]`), &ps)
	fmt.Println(len(ps), ps[0].ID, ps[1].Name, err)
	var tg Tagged
	err = json.Unmarshal([]byte(`{"base":{"ID":5},"Extra":true}`), &tg)
	fmt.Println(tg.ID, tg.Extra, err)
}
