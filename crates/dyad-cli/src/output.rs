//! Tabular output in the three formats every listing command offers.
//!
//! `table` is aligned text for people; `json` is JSON Lines (one object per row, keys
//! from the header) so large results stream; `csv` follows RFC 4180 quoting.

use clap::ValueEnum;
use serde_json::{Map, Value};
use std::io::{self, Write};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// Rows of cells under a header; cells are JSON values so `json` output keeps numbers,
/// nulls and nested objects, while `table` and `csv` print them as text.
pub struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(header: Vec<&'static str>) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.header.len());
        self.rows.push(row);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn print(&self, format: Format) -> io::Result<()> {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        self.write(format, &mut out)?;
        out.flush()
    }

    pub fn write(&self, format: Format, out: &mut impl Write) -> io::Result<()> {
        match format {
            Format::Json => {
                for row in &self.rows {
                    let object: Map<String, Value> = self
                        .header
                        .iter()
                        .map(|h| h.to_string())
                        .zip(row.iter().cloned())
                        .collect();
                    writeln!(out, "{}", Value::Object(object))?;
                }
            }
            Format::Csv => {
                writeln!(
                    out,
                    "{}",
                    self.header
                        .iter()
                        .map(|h| csv_field(h))
                        .collect::<Vec<_>>()
                        .join(",")
                )?;
                for row in &self.rows {
                    let cells: Vec<String> = row.iter().map(|v| csv_field(&cell_text(v))).collect();
                    writeln!(out, "{}", cells.join(","))?;
                }
            }
            Format::Table => {
                let texts: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|v| cell_text(v).replace(['\n', '\r', '\t'], " "))
                            .collect()
                    })
                    .collect();
                let mut widths: Vec<usize> =
                    self.header.iter().map(|h| h.chars().count()).collect();
                for row in &texts {
                    for (w, cell) in widths.iter_mut().zip(row) {
                        *w = (*w).max(cell.chars().count());
                    }
                }
                let line = |cells: Vec<&str>| {
                    let padded: Vec<String> = cells
                        .iter()
                        .zip(&widths)
                        .map(|(c, &w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                        .collect();
                    padded.join("  ").trim_end().to_string()
                };
                writeln!(out, "{}", line(self.header.clone()))?;
                for row in &texts {
                    writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
                }
            }
        }
        Ok(())
    }
}

/// A cell as plain text: strings unquoted, null empty, everything else as JSON.
pub fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(format: Format) -> String {
        let mut t = Table::new(vec!["id", "title", "n"]);
        t.push(vec![json!("a1"), json!("Talks, \"again\""), json!(3)]);
        t.push(vec![json!("b2"), Value::Null, json!(12)]);
        let mut buf = Vec::new();
        t.write(format, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn csv_quotes_fields() {
        assert_eq!(
            render(Format::Csv),
            "id,title,n\na1,\"Talks, \"\"again\"\"\",3\nb2,,12\n"
        );
    }

    #[test]
    fn json_is_one_object_per_line_keeping_types() {
        let out = render(Format::Json);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["n"], json!(3));
        assert_eq!(lines[1]["title"], Value::Null);
    }

    #[test]
    fn table_aligns_columns() {
        let out = render(Format::Table);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "id  title           n");
        assert_eq!(lines[1], "a1  Talks, \"again\"  3");
        assert_eq!(lines[2], "b2                  12");
    }
}
