// Package learn holds the course odsh teaches at its prompt (:learn, odsh
// learn): one lesson a file under lessons/, embedded in the binary, and
// the canonical form in which a learner's result is compared with the
// reference answer's.
//
// A lesson file is Markdown: a front matter, a few lines of explanation,
// then sections whose headings are fixed words:
//
//	---
//	title: Searching with domains
//	compare: set
//	---
//	Explanation, a few lines.
//
//	## Odoo
//	```python
//	env['res.partner'].search([('country_id.code', '=', 'BE')])
//	```
//	## odsh
//	```go
//	env.Model("res.partner").Search("[('country_id.code', '=', 'BE')]")
//	```
//	## Task
//	What the learner is asked to do.
//	## Hint
//	One hint (the section may be repeated: one hint a wrong try).
//	## Check
//	```go
//	got.(orm.Recordset).Len() > 0
//	```
//	## Answer
//	```go
//	the reference answer
//	```
//	## Wrong
//	```go
//	a known wrong answer: the check must refuse it
//	```
//
// A lesson is judged on the result, never the text. compare: value (or
// set, where the order of records and list items does not count) compares
// the value of the learner's last expression with the value of the
// reference answer's, run in the same savepoint; a Check is Go code run
// after the learner's code, in that savepoint, that sees env, got (the
// learner's value) and queries (the SQL statements the learner's code
// sent) and ends with a bool (true: right) or a string (empty: right, else
// what is wrong). A lesson has a compare mode, a Check, or both.
//
// At the prompt, the explanation's paragraphs (separated by blank lines),
// the task and the hints are reflowed to the terminal (80 columns at
// most); the code is shown as written, its tabs as four spaces, so keep
// its lines short (about 80 columns). A learner's try may take several
// entries: those without a value are steps, judged with the next entry
// that has one (the learner's value, got, is that entry's; queries counts
// the statements of all of them).
package learn
