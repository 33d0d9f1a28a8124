//! Runs futures concurrently with at most N in flight, in a few lines rather than
//! `futures-util`'s `FuturesUnordered` (wakers per task, atomics, a heap of code for
//! the handful of requests an overview makes).

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

pub type Task<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Polls the tasks, at most `limit` at a time, and returns their outputs in the
/// order of `tasks`. Every task shares the caller's waker: a wake-up polls the
/// (at most `limit`) running tasks again, which is cheap at this size.
pub async fn run_bounded<T>(tasks: Vec<Task<'_, T>>, limit: usize) -> Vec<T> {
    let mut tasks: Vec<Option<Task<'_, T>>> = tasks.into_iter().map(Some).collect();
    let mut outputs: Vec<Option<T>> = tasks.iter().map(|_| None).collect();
    let mut running: Vec<usize> = Vec::new();
    let mut next = 0;
    poll_fn(|cx| loop {
        while running.len() < limit.max(1) && next < tasks.len() {
            running.push(next);
            next += 1;
        }
        let mut finished = false;
        running.retain(|&index| {
            let (Some(slot), Some(output)) = (tasks.get_mut(index), outputs.get_mut(index)) else { return false };
            let Some(task) = slot.as_mut() else { return false };
            match task.as_mut().poll(cx) {
                Poll::Ready(value) => {
                    *output = Some(value);
                    *slot = None;
                    finished = true;
                    false
                }
                Poll::Pending => true,
            }
        });
        if running.is_empty() && next >= tasks.len() {
            return Poll::Ready(());
        }
        // A finished task frees a place: start the next ones and poll them now.
        if !finished {
            return Poll::Pending;
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::sync::Arc;
    use std::task::{Context, Wake, Waker};

    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }

    /// Pending `polls` times (waking itself), then ready; records peak concurrency.
    fn task<'a>(value: usize, polls: usize, running: Rc<Cell<usize>>, peak: Rc<Cell<usize>>) -> Task<'a, usize> {
        let mut left = polls;
        let mut started = false;
        Box::pin(poll_fn(move |cx: &mut Context<'_>| {
            if !started {
                started = true;
                running.set(running.get() + 1);
                peak.set(peak.get().max(running.get()));
            }
            if left == 0 {
                running.set(running.get() - 1);
                Poll::Ready(value)
            } else {
                left -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }))
    }

    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = Box::pin(future);
        let waker = Waker::from(Arc::new(Noop));
        let mut cx = Context::from_waker(&waker);
        loop {
            if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
                return value;
            }
        }
    }

    #[test]
    fn keeps_order_and_the_limit() {
        let (running, peak) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
        let tasks = (0..20).map(|i| task(i, (i * 7) % 5, running.clone(), peak.clone())).collect();
        assert_eq!(block_on(run_bounded(tasks, 6)), (0..20).collect::<Vec<_>>());
        assert_eq!(peak.get(), 6);
        assert_eq!(running.get(), 0);
    }

    #[test]
    fn empty_and_zero_limit() {
        assert_eq!(block_on(run_bounded(Vec::<Task<'_, u8>>::new(), 6)), Vec::<u8>::new());
        let (running, peak) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
        let tasks = (0..3).map(|i| task(i, 1, running.clone(), peak.clone())).collect();
        assert_eq!(block_on(run_bounded(tasks, 0)), vec![0, 1, 2], "a zero limit still makes progress");
        assert_eq!(peak.get(), 1);
    }
}
