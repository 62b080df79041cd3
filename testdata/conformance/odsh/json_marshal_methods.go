// encoding/json calls MarshalJSON and MarshalText of types declared in the program wherever they are: struct fields (value and pointer receivers, omitempty, the string option), slices, maps (keys too), pointers, nested, and the top-level value; errors name the type.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

type Money int64

func (m Money) MarshalJSON() ([]byte, error) {
	if m < 0 {
		return nil, errors.New("negative")
	}
	if m == 13 {
		return []byte("x13"), nil
	}
	return []byte(fmt.Sprintf("\"%d.%02d\"", m/100, m%100)), nil
}

type Code string

func (c *Code) MarshalText() ([]byte, error) { return []byte("code-" + string(*c)), nil }

type Status int

func (s Status) MarshalText() ([]byte, error) {
	if s > 1 {
		return nil, fmt.Errorf("bad status %d", int(s))
	}
	return []byte([]string{"draft", "done"}[s]), nil
}

type Doc struct {
	ID     int                `json:"id,string"`
	Total  Money              `json:"total,omitempty"`
	Tax    Money              `json:"tax"`
	Code   Code               `json:"code"`
	States []Status           `json:"states"`
	ByKey  map[Status]Money   `json:"by_key,omitempty"`
	Ptr    *Money             `json:"ptr"`
	Nested map[string][]Money `json:"nested"`
}

func main() {
	seven := Money(7)
	d := Doc{ID: 5, Tax: 150, Code: "A", States: []Status{1, 0}, ByKey: map[Status]Money{1: 3}, Ptr: &seven, Nested: map[string][]Money{"a": {1, 2}}}
	out, err := json.Marshal(d)
	fmt.Println(string(out), err)
	out, err = json.Marshal(&d)
	fmt.Println(string(out), err)
	out, err = json.MarshalIndent([]Doc{{ID: 1}}, "", " ")
	fmt.Println(string(out), err)
	_, err = json.Marshal(Doc{Tax: -1})
	fmt.Println(err)
	_, err = json.Marshal(Doc{Tax: 13})
	fmt.Println(err)
	_, err = json.Marshal(map[Status]int{2: 1})
	fmt.Println(err)
	enc := json.NewEncoder(os.Stdout)
	enc.Encode([]Money{1, 250})
	enc.Encode(d)
}
