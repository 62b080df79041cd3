package main

// encoding/xml promotes the fields of embedded structs (Marshal, Unmarshal,
// Encoder, Decoder).

import (
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

type Common struct {
	ID   string `xml:"id,attr"`
	Name string `xml:"name"`
}

type Record struct {
	XMLName xml.Name `xml:"record"`
	Common
	Model string `xml:"model,attr"`
	Value int    `xml:"value"`
}

func main() {
	enc := xml.NewEncoder(os.Stdout)
	enc.Encode(Record{Common: Common{"c1", "Enc"}, Model: "m"})
	fmt.Println()
	dec := xml.NewDecoder(strings.NewReader(`<record id="d1"><name>Dec</name></record>`))
	var dr Record
	fmt.Println(dec.Decode(&dr), dr.ID, dr.Name)
	r := Record{Common: Common{"partner_1", "Azure"}, Model: "res.partner", Value: 3}
	b, err := xml.Marshal(r)
	fmt.Println(string(b), err)
	b, _ = xml.MarshalIndent(&r, "", "  ")
	fmt.Println(string(b))
	var q Record
	err = xml.Unmarshal([]byte(`<record id="x1" model="m"><name>Deco</name><value>7</value></record>`), &q)
	fmt.Printf("%+v %v\n", q.Common, err)
	fmt.Println(q.Model, q.Value)
}
