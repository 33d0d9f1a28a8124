//! Runs futures concurrently, all at once, in a few lines rather than `futures-util`'s
//! `join_all` (wakers per task, a heap of code for the handful of requests an overview
//! makes). The browser queues what it cannot send yet; the core does not hold anything back.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

pub type Task<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Polls every task until all are ready; returns their outputs in the order of `tasks`.
/// Every task shares the caller's waker: a wake-up polls the unfinished ones again,
/// which is cheap at this size.
pub async fn run_all<T>(tasks: Vec<Task<'_, T>>) -> Vec<T> {
    let mut tasks: Vec<Option<Task<'_, T>>> = tasks.into_iter().map(Some).collect();
    let mut outputs: Vec<Option<T>> = tasks.iter().map(|_| None).collect();
    poll_fn(|cx| {
        let mut pending = false;
        for (slot, output) in tasks.iter_mut().zip(outputs.iter_mut()) {
            let Some(task) = slot.as_mut() else { continue };
            match task.as_mut().poll(cx) {
                Poll::Ready(value) => {
                    *output = Some(value);
                    *slot = None;
                }
                Poll::Pending => pending = true,
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
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

    /// Pending `polls` times (waking itself), then ready; records how many run at once.
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
    fn starts_every_task_at_once_and_keeps_their_order() {
        let (running, peak) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
        let tasks = (0..20).map(|i| task(i, 1 + (i * 7) % 5, running.clone(), peak.clone())).collect();
        assert_eq!(block_on(run_all(tasks)), (0..20).collect::<Vec<_>>());
        assert_eq!(peak.get(), 20, "no task waits for another");
        assert_eq!(running.get(), 0);
        assert_eq!(block_on(run_all(Vec::<Task<'_, u8>>::new())), Vec::<u8>::new());
    }
}
