//! The data-flow diagram: where data comes from (sources), which activity
//! uses it, who receives it, and to which countries outside the EEA it goes.
//! Laid out here, in points, as four columns of boxes joined by lines; the
//! template only draws what it is given, so the diagram is vector graphics
//! and the same register gives the same drawing.
//!
//! A register of any size stays readable: activities are drawn in panels
//! that fit on one page each, every panel showing only the nodes its
//! activities touch.

use std::collections::BTreeMap;

use serde::Serialize;

/// Width the diagram may take: fits the text width of A4 and US Letter with
/// the report's 2 cm margins.
pub const WIDTH: f64 = 480.0;
const NODE_WIDTH: f64 = 102.0;
const NODE_HEIGHT: f64 = 24.0;
const ROW: f64 = 30.0;
/// At most this many boxes in one column of one panel (one page).
const MAX_ROWS: usize = 20;

/// The four columns, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Source,
    Activity,
    Recipient,
    Country,
}

impl Column {
    fn x(self) -> f64 {
        let gap = (WIDTH - 4.0 * NODE_WIDTH) / 3.0;
        f64::from(self as u8) * (NODE_WIDTH + gap)
    }
}

/// What one activity contributes to the diagram, names already in words.
#[derive(Debug, Clone, Default)]
pub struct ActivityFlows {
    pub name: String,
    pub sources: Vec<String>,
    pub recipients: Vec<String>,
    /// (recipient name or empty when the transfer names none, country name)
    pub transfers: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Panel {
    pub height: f64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub label: String,
    /// `source`, `activity`, `recipient` or `country`: the template's colour.
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// The nodes of one panel by column, in first-seen order, and its edges.
#[derive(Default)]
struct Draft {
    columns: BTreeMap<Column, Vec<String>>,
    edges: Vec<((Column, String), (Column, String))>,
}

impl Draft {
    /// How many boxes the tallest column would hold with `flows` added.
    fn rows_with(&self, flows: &ActivityFlows) -> usize {
        let mut probe = Draft {
            columns: self.columns.clone(),
            edges: vec![],
        };
        probe.add(flows);
        probe.columns.values().map(Vec::len).max().unwrap_or(0)
    }

    fn node(&mut self, column: Column, label: &str) {
        let list = self.columns.entry(column).or_default();
        if !list.iter().any(|l| l == label) {
            list.push(label.to_owned());
        }
    }

    fn edge(&mut self, from: (Column, &str), to: (Column, &str)) {
        let edge = ((from.0, from.1.to_owned()), (to.0, to.1.to_owned()));
        if !self.edges.contains(&edge) {
            self.edges.push(edge);
        }
    }

    fn add(&mut self, flows: &ActivityFlows) {
        self.node(Column::Activity, &flows.name);
        for source in &flows.sources {
            self.node(Column::Source, source);
            self.edge((Column::Source, source), (Column::Activity, &flows.name));
        }
        for recipient in &flows.recipients {
            self.node(Column::Recipient, recipient);
            self.edge(
                (Column::Activity, &flows.name),
                (Column::Recipient, recipient),
            );
        }
        for (recipient, country) in &flows.transfers {
            self.node(Column::Country, country);
            if recipient.is_empty() {
                self.edge((Column::Activity, &flows.name), (Column::Country, country));
            } else {
                self.node(Column::Recipient, recipient);
                self.edge((Column::Recipient, recipient), (Column::Country, country));
            }
        }
    }

    fn finish(self) -> Panel {
        let rows = self.columns.values().map(Vec::len).max().unwrap_or(0);
        let height = rows.min(MAX_ROWS) as f64 * ROW;
        let mut nodes = vec![];
        let mut at: BTreeMap<(Column, &str), (f64, f64)> = BTreeMap::new();
        for (column, labels) in &self.columns {
            // A single activity with more boxes than a page holds shows the
            // first ones and says how many more there are.
            let shown = if labels.len() > MAX_ROWS {
                MAX_ROWS - 1
            } else {
                labels.len()
            };
            let mut boxes: Vec<String> = labels[..shown].to_vec();
            if shown < labels.len() {
                boxes.push(format!("and {} more", labels.len() - shown));
            }
            // Shorter columns are centred against the tallest.
            let top = (height - boxes.len() as f64 * ROW) / 2.0;
            for (i, label) in boxes.into_iter().enumerate() {
                let y = top + i as f64 * ROW + (ROW - NODE_HEIGHT) / 2.0;
                if i < shown {
                    at.insert((*column, labels[i].as_str()), (column.x(), y));
                }
                nodes.push(Node {
                    x: column.x(),
                    y,
                    w: NODE_WIDTH,
                    h: NODE_HEIGHT,
                    label,
                    kind: match column {
                        Column::Source => "source",
                        Column::Activity => "activity",
                        Column::Recipient => "recipient",
                        Column::Country => "country",
                    },
                });
            }
        }
        let edges = self
            .edges
            .iter()
            .filter_map(|((c1, l1), (c2, l2))| {
                let (x1, y1) = at.get(&(*c1, l1.as_str()))?;
                let (x2, y2) = at.get(&(*c2, l2.as_str()))?;
                Some(Edge {
                    x1: x1 + NODE_WIDTH,
                    y1: y1 + NODE_HEIGHT / 2.0,
                    x2: *x2,
                    y2: y2 + NODE_HEIGHT / 2.0,
                })
            })
            .collect();
        Panel {
            height,
            nodes,
            edges,
        }
    }
}

/// Lays the activities out in panels of at most [`MAX_ROWS`] boxes per
/// column, in the order given.
pub fn panels(activities: &[ActivityFlows]) -> Vec<Panel> {
    let mut panels = vec![];
    let mut draft = Draft::default();
    for flows in activities {
        if !draft.columns.is_empty() && draft.rows_with(flows) > MAX_ROWS {
            panels.push(std::mem::take(&mut draft).finish());
        }
        draft.add(flows);
    }
    if !draft.columns.is_empty() {
        panels.push(draft.finish());
    }
    panels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flows(name: &str, recipients: &[&str]) -> ActivityFlows {
        ActivityFlows {
            name: name.into(),
            sources: vec!["The people themselves".into()],
            recipients: recipients.iter().map(|r| (*r).into()).collect(),
            transfers: vec![("Mailchimp".into(), "United States".into())],
        }
    }

    #[test]
    fn shared_nodes_are_drawn_once_and_joined() {
        let panels = panels(&[
            flows("Newsletter", &["Mailchimp"]),
            flows("Events", &["Mailchimp"]),
        ]);
        assert_eq!(panels.len(), 1);
        let labels: Vec<&str> = panels[0].nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "The people themselves",
                "Newsletter",
                "Events",
                "Mailchimp",
                "United States"
            ]
        );
        // two sources → activity, two activity → recipient, one recipient → country
        assert_eq!(panels[0].edges.len(), 5);
        for e in &panels[0].edges {
            assert!(e.x1 < e.x2, "edges run left to right");
        }
    }

    #[test]
    fn a_large_register_is_split_into_panels_that_fit_a_page() {
        let many: Vec<ActivityFlows> = (0..95)
            .map(|i| flows(&format!("Activity {i}"), &[&format!("Vendor {i}")]))
            .collect();
        let panels = panels(&many);
        assert_eq!(panels.len(), 5);
        for p in &panels {
            assert!(p.height <= MAX_ROWS as f64 * ROW);
            assert!(p.nodes.iter().all(|n| n.x + n.w <= WIDTH + 0.01));
        }
        let activities: usize = panels
            .iter()
            .map(|p| p.nodes.iter().filter(|n| n.kind == "activity").count())
            .sum();
        assert_eq!(activities, 95);
    }
}
