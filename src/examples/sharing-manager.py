"""A Manager runs a server process that holds ordinary Python objects;
other processes change them through proxies, one message per call."""
import multiprocessing

def record(scores, name: str, points: int) -> None:
    scores[name] = points        # a message to the manager
    scores["log"] += [name]      # read, change a copy, write back

if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        scores = manager.dict(log=[])
        print(type(scores).__name__)
        p = multiprocessing.Process(target=record,
                                    args=(scores, "ada", 3))
        p.start()
        p.join()
        scores["log"].append("lost")  # changes a copy, not the dict
        print(dict(scores))
