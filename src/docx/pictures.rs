//! The chart pictures of the DOCX, drawn while the XML is still being written: each chart piece
//! the body meets is queued and a second thread draws it (the bitmap backend of the chart
//! description, [`raster`]); when the body is done, this thread joins in on what is left. Drawing
//! was most of the writer's time, and it no longer waits for the XML or the XML for it. Which
//! thread drew a picture never changes its bytes; without a second thread (a process limit) this
//! one draws them all.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::typeset::chart::ChartBlock;
use crate::typeset::raster;

/// Where the body queues a chart piece to draw: its number (from 0, in document order) and the
/// chart description.
pub(super) type Queue = Sender<(usize, ChartBlock)>;

/// Run `write` with a queue of pictures to draw at `dpi`; returns what it returned and the PNG of
/// every queued piece by number. A piece that could not be drawn (empty, or over the size limit)
/// is missing from the map.
pub(super) fn drawn_while<R>(
    dpi: f32,
    write: impl FnOnce(&Queue) -> R,
) -> (R, BTreeMap<usize, Vec<u8>>) {
    let (queue, queued) = channel::<(usize, ChartBlock)>();
    let queued = Mutex::new(queued);
    let (done, drawn) = channel::<(usize, Vec<u8>)>();
    std::thread::scope(|scope| {
        let worker_done = done.clone();
        let queued_ref = &queued;
        let worker = std::thread::Builder::new()
            .name("masterplan-charts".into())
            .spawn_scoped(scope, move || draw_queued(queued_ref, &worker_done, dpi))
            .ok();
        let result = write(&queue);
        // No more pieces: the worker stops when the queue is empty; help it empty the queue.
        drop(queue);
        draw_queued(&queued, &done, dpi);
        drop(done);
        if let Some(worker) = worker {
            // A panic there is not re-raised: its pieces are just missing (drawn blank).
            let _ = worker.join();
        }
        (result, drawn.try_iter().collect())
    })
}

/// Take pieces off the queue and draw them until it is closed and empty.
fn draw_queued(
    queued: &Mutex<Receiver<(usize, ChartBlock)>>,
    done: &Sender<(usize, Vec<u8>)>,
    dpi: f32,
) {
    loop {
        let next = match queued.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((n, block)) = next else { return };
        if let Some(png) = raster::chart_png(&block, dpi)
            && done.send((n, png)).is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(n: usize) -> ChartBlock {
        use crate::typeset::fonts::FontId;
        use crate::typeset::page::{Item, Rgb};
        ChartBlock {
            width: 40.0 + n as f32,
            height: 20.0,
            items: vec![Item::Text {
                x: 2.0,
                y: 12.0,
                font: FontId::Regular,
                size: 9.0,
                color: Rgb(0.0, 0.0, 0.0),
                text: format!("Bagian {n}"),
            }],
        }
    }

    #[test]
    fn every_queued_piece_is_drawn_as_alone() {
        let (written, pngs) = drawn_while(150.0, |queue| {
            for n in 0..7 {
                queue.send((n, piece(n))).unwrap();
            }
            "body"
        });
        assert_eq!(written, "body");
        assert_eq!(pngs.len(), 7);
        for (n, png) in &pngs {
            assert_eq!(Some(png), raster::chart_png(&piece(*n), 150.0).as_ref());
        }
    }

    #[test]
    fn nothing_queued_nothing_drawn() {
        let ((), pngs) = drawn_while(150.0, |_| {});
        assert!(pngs.is_empty());
    }
}
