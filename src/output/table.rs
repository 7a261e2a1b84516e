//! Tables for people, as plain aligned columns (two spaces apart, no box drawing), which read
//! well on a terminal and which `awk`, `cut` and `column` take apart when piped.
//!
//! On a terminal the table fits its width: a cell never wraps; the columns that matter least
//! (descriptions first) are shortened with `…` or left out, and the caller says which, and how
//! to see everything. Piped, every column is printed in full.

use unicode_width::UnicodeWidthStr;

/// Text columns are shortened no further than this before they are left out.
const SHORTENED_WIDTH_MIN: usize = 10;
const GAP: &str = "  ";

/// A column: its header, how it is aligned, and how much it matters on a narrow terminal.
#[derive(Debug, Clone)]
pub struct Column {
    header: &'static str,
    right: bool,
    /// 0: always shown; higher numbers are left out first.
    rank: u8,
    /// Free text that may be cut short (`…`) rather than left out.
    shortens: bool,
}

impl Column {
    /// Ids, types, statuses: never cut, left out only for rank > 0.
    pub fn plain(header: &'static str, rank: u8) -> Column {
        Column {
            header,
            right: false,
            rank,
            shortens: false,
        }
    }

    /// Money: right-aligned, never cut.
    pub fn money(header: &'static str, rank: u8) -> Column {
        Column {
            right: true,
            ..Column::plain(header, rank)
        }
    }

    /// Free text (descriptions, reasons): cut short before anything else is left out.
    pub fn text(header: &'static str, rank: u8) -> Column {
        Column {
            shortens: true,
            ..Column::plain(header, rank)
        }
    }
}

/// A table: columns and rows of cells. An empty cell is printed `-`, so every line has the
/// same number of fields for `awk`.
#[derive(Debug, Clone)]
pub struct Grid {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

/// A rendered table, and what a narrow terminal made it leave out or cut short.
pub struct Rendered {
    pub text: String,
    pub hidden: Vec<&'static str>,
    pub shortened: Vec<&'static str>,
}

impl Grid {
    pub fn new(columns: Vec<Column>) -> Grid {
        Grid {
            columns,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "a cell per column");
        let cells = cells
            .into_iter()
            .map(|c| if c.is_empty() { "-".to_owned() } else { c })
            .collect();
        self.rows.push(cells);
    }

    /// The table in full (`width` None), or fitted to a terminal `width` columns wide.
    pub fn render(&self, width: Option<usize>) -> Rendered {
        let natural: Vec<usize> = (0..self.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .map(|r| r[i].width())
                    .chain([self.columns[i].header.width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut widths: Vec<Option<usize>> = natural.iter().map(|&w| Some(w)).collect();
        let mut hidden = Vec::new();
        let mut shortened = Vec::new();
        if let Some(limit) = width {
            let mut order: Vec<usize> = (0..self.columns.len()).collect();
            order.sort_by_key(|&i| self.columns[i].rank);
            // The columns always shown, with a gap between each two.
            let mut used = order
                .iter()
                .filter(|&&i| self.columns[i].rank == 0)
                .map(|&i| natural[i] + GAP.len())
                .sum::<usize>()
                .saturating_sub(GAP.len());
            for &i in order.iter().filter(|&&i| self.columns[i].rank > 0) {
                let room = limit.saturating_sub(used + GAP.len());
                let column = &self.columns[i];
                if natural[i] <= room {
                    used += natural[i] + GAP.len();
                } else if column.shortens && room >= SHORTENED_WIDTH_MIN.max(column.header.width()) {
                    widths[i] = Some(room);
                    used += room + GAP.len();
                    shortened.push(column.header);
                } else {
                    widths[i] = None;
                    hidden.push(column.header);
                }
            }
        }
        let text = draw(
            self.columns
                .iter()
                .zip(&widths)
                .filter_map(|(column, width)| width.map(|w| (column, w))),
            self.rows.iter().map(|cells| {
                cells
                    .iter()
                    .zip(&widths)
                    .filter_map(|(cell, width)| width.map(|w| cut(cell, w)))
                    .collect::<Vec<_>>()
            }),
        );
        Rendered {
            text,
            hidden,
            shortened,
        }
    }
}

/// Draws the visible columns (each with the width it was given) with comfy-table: no borders,
/// two spaces between columns, money right-aligned, no trailing blanks.
fn draw<'a>(columns: impl Iterator<Item = (&'a Column, usize)>, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut table = comfy_table::Table::new();
    table
        .load_preset(comfy_table::presets::NOTHING)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    let columns: Vec<(&Column, usize)> = columns.collect();
    table.set_header(columns.iter().map(|(c, _)| c.header));
    for row in rows {
        table.add_row(row);
    }
    let last = columns.len().saturating_sub(1);
    for (i, (column, width)) in columns.iter().enumerate() {
        let Some(drawn) = table.column_mut(i) else { continue };
        let gap = if i == last { 0 } else { GAP.len() };
        drawn.set_padding((0, gap as u16));
        // Every column is as wide as the layout decided (a shortened one keeps its room);
        // comfy-table counts the padding in a fixed width.
        drawn.set_constraint(comfy_table::ColumnConstraint::Absolute(comfy_table::Width::Fixed(
            u16::try_from(width + gap).unwrap_or(u16::MAX),
        )));
        if column.right {
            drawn.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    let mut text = table.trim_fmt();
    text.push('\n');
    text
}

/// `text` in at most `width` terminal columns, ending in `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for ch in text.chars() {
        if out.width() + ch.to_string().width() + 1 > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// A record's fields, one per line: the name, then its value, aligned.
pub fn record(rows: &[(&str, String)]) -> String {
    let name_width = rows.iter().map(|(name, _)| name.width()).max().unwrap_or(0);
    rows.iter()
        .map(|(name, value)| {
            let pad = " ".repeat(name_width - name.width());
            format!("{name}{pad}{GAP}{value}\n")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Grid {
        let mut g = Grid::new(vec![
            Column::plain("ID", 0),
            Column::money("AMOUNT", 0),
            Column::plain("CREATED", 2),
            Column::text("DESCRIPTION", 1),
        ]);
        g.row(vec![
            "txn_01".into(),
            "5.00".into(),
            "2026-04-15T10:30:00Z".into(),
            "a long description of the payment".into(),
        ]);
        g.row(vec![
            "txn_02".into(),
            "1500.00".into(),
            "2026-04-15T10:31:00Z".into(),
            String::new(),
        ]);
        g
    }

    #[test]
    fn in_full_every_column_is_aligned_and_an_empty_cell_is_a_dash() {
        let r = sample().render(None);
        let lines: Vec<&str> = r.text.lines().collect();
        assert_eq!(lines[0], "ID       AMOUNT  CREATED               DESCRIPTION");
        assert_eq!(
            lines[1],
            "txn_01     5.00  2026-04-15T10:30:00Z  a long description of the payment"
        );
        assert_eq!(lines[2], "txn_02  1500.00  2026-04-15T10:31:00Z  -");
        assert!(r.hidden.is_empty() && r.shortened.is_empty());
    }

    #[test]
    fn a_narrow_width_shortens_text_then_leaves_out_the_least_important_columns() {
        let r = sample().render(Some(40));
        assert_eq!(r.hidden, ["CREATED"]);
        assert_eq!(r.shortened, ["DESCRIPTION"]);
        for line in r.text.lines() {
            assert!(line.width() <= 40, "{line:?}");
        }
        assert!(r.text.lines().nth(1).unwrap().starts_with("txn_01     5.00  a long"));
        assert!(r.text.contains('…'));
        let r = sample().render(Some(20));
        assert_eq!(r.hidden, ["DESCRIPTION", "CREATED"]);
        assert_eq!(r.text.lines().nth(2).unwrap(), "txn_02  1500.00");
    }
}
