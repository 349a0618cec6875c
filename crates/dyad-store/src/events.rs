//! Events as rows: one column per field, so filters and aggregations run in SQL and
//! scans of millions of events stay cheap.

use crate::{clamp_i64, get_usize, parse_date, EventFilter, StoredEvent};
use dyad_model::{Actor, Certainty, DateRange, DocId, Document, Event, Location, Quantity, Span};
use rusqlite::types::Value;
use rusqlite::{params, Row, Transaction};
use std::collections::BTreeSet;

/// The columns [`read_row`] expects, in order.
pub const COLUMNS: &str = "e.id, e.doc_id, e.doc_published, e.sentence, e.sentence_start,
    e.sentence_end, e.trigger_start, e.trigger_end,
    e.source_text, e.source_name, e.source_code, e.source_country, e.source_group, e.source_sector,
    e.target_text, e.target_name, e.target_code, e.target_country, e.target_group, e.target_sector,
    e.claimant_text, e.claimant_name, e.claimant_code, e.claimant_country, e.claimant_group,
    e.claimant_sector,
    e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.date_start, e.date_end, e.date_text,
    e.location_name, e.location_country, e.location_lat, e.location_lon,
    e.quantity_text, e.quantity_value, e.quantity_unit, e.negated, e.certainty, e.denied_by";

const ROLE_PARTICIPANT: i64 = 0;
const ROLE_CLAIMANT: i64 = 1;

/// Inserts event number `idx` of `doc` (stored as `seq`) and its actor keys.
pub fn insert(
    tx: &Transaction<'_>,
    seq: i64,
    idx: usize,
    doc: &Document,
    e: &Event,
) -> rusqlite::Result<()> {
    let effective_date = e.date.map(|d| d.start).or(doc.published);
    let denied_by = if e.denied_by.is_empty() {
        None
    } else {
        Some(serde_json::to_string(&e.denied_by).expect("actors serialise"))
    };
    let [source, target, claimant] =
        [&e.source, &e.target, &e.claimed_by].map(|a| actor_columns(a.as_ref()));
    let mut values: Vec<Value> = vec![
        seq.into(),
        clamp_i64(idx).into(),
        doc.id.as_str().to_string().into(),
        text(doc.published.map(|d| d.to_string())),
        text(effective_date.map(|d| d.to_string())),
        clamp_i64(e.sentence).into(),
        clamp_i64(e.sentence_span.start).into(),
        clamp_i64(e.sentence_span.end).into(),
        clamp_i64(e.trigger.start).into(),
        clamp_i64(e.trigger.end).into(),
    ];
    values.extend(source);
    values.extend(target);
    values.extend(claimant);
    values.extend([
        e.cameo.clone().into(),
        e.root.clone().into(),
        text(e.plover.clone()),
        i64::from(e.quad_class).into(),
        f64::from(e.goldstein).into(),
        text(e.date.map(|d| d.start.to_string())),
        text(e.date.map(|d| d.end.to_string())),
        text(e.date_text.clone()),
        text(e.location.as_ref().map(|l| l.name.clone())),
        text(e.location.as_ref().and_then(|l| l.country.clone())),
        real(e.location.as_ref().and_then(|l| l.lat)),
        real(e.location.as_ref().and_then(|l| l.lon)),
        text(e.quantity.as_ref().map(|q| q.text.clone())),
        real(e.quantity.as_ref().and_then(|q| q.value)),
        text(e.quantity.as_ref().and_then(|q| q.unit.clone())),
        i64::from(e.negated).into(),
        e.certainty.as_str().to_string().into(),
        text(denied_by),
    ]);
    let placeholders = vec!["?"; values.len()].join(", ");
    tx.prepare_cached(&format!(
        "INSERT INTO events (doc, idx, doc_id, doc_published, effective_date, sentence,
             sentence_start, sentence_end, trigger_start, trigger_end,
             source_text, source_name, source_code, source_country, source_group, source_sector,
             target_text, target_name, target_code, target_country, target_group, target_sector,
             claimant_text, claimant_name, claimant_code, claimant_country, claimant_group,
             claimant_sector,
             cameo, root, plover, quad_class, goldstein, date_start, date_end, date_text,
             location_name, location_country, location_lat, location_lon,
             quantity_text, quantity_value, quantity_unit, negated, certainty, denied_by)
         VALUES ({placeholders})"
    ))?
    .execute(rusqlite::params_from_iter(values))?;
    let event = tx.last_insert_rowid();

    let mut keys = BTreeSet::new();
    for actor in [&e.source, &e.target].into_iter().flatten() {
        for key in actor_keys(actor) {
            keys.insert((ROLE_PARTICIPANT, key));
        }
    }
    if let Some(actor) = &e.claimed_by {
        for key in actor_keys(actor).chain([actor.text.to_lowercase()]) {
            keys.insert((ROLE_CLAIMANT, key));
        }
    }
    let mut key_row =
        tx.prepare_cached("INSERT INTO event_actors (key, role, event) VALUES (?1, ?2, ?3)")?;
    for (role, key) in keys {
        key_row.execute(params![key, role, event])?;
    }
    Ok(())
}

fn actor_keys(actor: &Actor) -> impl Iterator<Item = String> + '_ {
    [&actor.code, &actor.country, &actor.group, &actor.name]
        .into_iter()
        .flatten()
        .map(|k| k.to_lowercase())
}

fn actor_columns(actor: Option<&Actor>) -> [Value; 6] {
    match actor {
        None => std::array::from_fn(|_| Value::Null),
        Some(a) => [
            a.text.clone().into(),
            text(a.name.clone()),
            text(a.code.clone()),
            text(a.country.clone()),
            text(a.group.clone()),
            text(a.sector.clone()),
        ],
    }
}

fn text(v: Option<String>) -> Value {
    v.map_or(Value::Null, Value::Text)
}

fn real(v: Option<f64>) -> Value {
    v.map_or(Value::Null, Value::Real)
}

/// Reads a row selected with [`COLUMNS`]. The outer error is SQLite's; the inner one
/// says which stored value is malformed.
pub fn read_row(r: &Row<'_>) -> rusqlite::Result<Result<StoredEvent, String>> {
    let actor = |at: usize| -> rusqlite::Result<Option<Actor>> {
        let Some(text) = r.get::<_, Option<String>>(at)? else {
            return Ok(None);
        };
        Ok(Some(Actor {
            text,
            name: r.get(at + 1)?,
            code: r.get(at + 2)?,
            country: r.get(at + 3)?,
            group: r.get(at + 4)?,
            sector: r.get(at + 5)?,
        }))
    };
    let location = match r.get::<_, Option<String>>(34)? {
        None => None,
        Some(name) => Some(Location {
            name,
            country: r.get(35)?,
            lat: r.get(36)?,
            lon: r.get(37)?,
        }),
    };
    let quantity = match r.get::<_, Option<String>>(38)? {
        None => None,
        Some(text) => Some(Quantity {
            text,
            value: r.get(39)?,
            unit: r.get(40)?,
        }),
    };
    let id: i64 = r.get(0)?;
    let doc = DocId(r.get(1)?);
    let doc_published = r.get::<_, Option<String>>(2)?;
    let date_start = r.get::<_, Option<String>>(31)?;
    let date_end = r.get::<_, Option<String>>(32)?;
    let certainty: String = r.get(42)?;
    let denied_by: Option<String> = r.get(43)?;
    let quad_class: i64 = r.get(29)?;
    let mut event = Event {
        sentence: get_usize(r, 3)?,
        sentence_span: Span::new(get_usize(r, 4)?, get_usize(r, 5)?),
        trigger: Span::new(get_usize(r, 6)?, get_usize(r, 7)?),
        source: actor(8)?,
        target: actor(14)?,
        claimed_by: actor(20)?,
        cameo: r.get(26)?,
        root: r.get(27)?,
        plover: r.get(28)?,
        quad_class: 0,
        goldstein: r.get::<_, f64>(30)? as f32,
        date: None,
        date_text: r.get(33)?,
        location,
        quantity,
        negated: r.get(41)?,
        certainty: Certainty::Asserted,
        denied_by: Vec::new(),
    };
    let converted = (|| {
        event.quad_class =
            u8::try_from(quad_class).map_err(|_| format!("quad class {quad_class}"))?;
        event.certainty =
            Certainty::parse(&certainty).ok_or_else(|| format!("certainty {certainty:?}"))?;
        event.date = match (parse_date(date_start)?, parse_date(date_end)?) {
            (Some(start), Some(end)) => {
                Some(DateRange::new(start, end).ok_or("event date ends before it starts")?)
            }
            (None, None) => None,
            _ => return Err("event date has only one end".to_string()),
        };
        if let Some(json) = denied_by {
            event.denied_by = serde_json::from_str(&json).map_err(|e| e.to_string())?;
        }
        Ok(StoredEvent {
            id,
            doc,
            doc_published: parse_date(doc_published)?,
            event,
        })
    })();
    Ok(converted)
}

/// The SQL selecting events that match `filter`, with its parameter values.
pub fn filter_query(filter: &EventFilter) -> (String, Vec<Value>) {
    let mut sql = format!("SELECT {COLUMNS} FROM events e WHERE 1");
    let mut values: Vec<Value> = Vec::new();
    if let Some(actor) = &filter.actor {
        sql.push_str(" AND e.id IN (SELECT event FROM event_actors WHERE key = ? AND role = ?)");
        values.push(actor.to_lowercase().into());
        values.push(ROLE_PARTICIPANT.into());
    }
    if let Some(claimant) = &filter.claimant {
        sql.push_str(" AND e.id IN (SELECT event FROM event_actors WHERE key = ? AND role = ?)");
        values.push(claimant.to_lowercase().into());
        values.push(ROLE_CLAIMANT.into());
    }
    if let Some(prefix) = &filter.cameo {
        // A range rather than LIKE so the index on cameo is used.
        sql.push_str(" AND e.cameo >= ? AND e.cameo < ?");
        values.push(prefix.clone().into());
        values.push(format!("{prefix}{}", char::MAX).into());
    }
    if let Some(from) = filter.from {
        sql.push_str(" AND e.effective_date >= ?");
        values.push(from.to_string().into());
    }
    if let Some(to) = filter.to {
        sql.push_str(" AND e.effective_date <= ?");
        values.push(to.to_string().into());
    }
    if !filter.certainty.is_empty() {
        let placeholders = vec!["?"; filter.certainty.len()].join(", ");
        sql.push_str(&format!(" AND e.certainty IN ({placeholders})"));
        values.extend(
            filter
                .certainty
                .iter()
                .map(|c| Value::from(c.as_str().to_string())),
        );
    }
    sql.push_str(" ORDER BY e.id");
    if let Some(limit) = filter.limit {
        sql.push_str(" LIMIT ?");
        values.push(clamp_i64(limit).into());
    }
    (sql, values)
}
