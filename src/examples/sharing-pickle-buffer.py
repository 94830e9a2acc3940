"""Pickle protocol 5 (Python 3.8+): a PickleBuffer is handed to a
buffer_callback, out of band, instead of being copied into the
pickle. The consumer then moves the buffer itself, as it sees fit."""
import pickle

data = bytearray(10_000_000)  # 10 MB of raw bytes, an image say

in_band = pickle.dumps(data, protocol=5)
print(f"pickle with the data in it: {len(in_band):>10,} bytes")

buffers = []
header = pickle.dumps(pickle.PickleBuffer(data), protocol=5,
                      buffer_callback=buffers.append)
print(f"pickle, data out of band:   {len(header):>10,} bytes")
with buffers[0].raw() as view:  # a memoryview: no copy made
    print(f"out-of-band buffer:         {view.nbytes:>10,} bytes")
    data[0] = 255               # change the original ...
    print("same memory as the original:", view[0] == 255)
