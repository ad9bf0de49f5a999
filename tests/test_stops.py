from sim.core.stops import StopScanner


def feed_all(pieces, stops):
    scanner = StopScanner(stops)
    text, shown = "", []
    for piece in pieces:
        text += piece
        shown.append(scanner.feed(text))
    shown.append(scanner.finish(text))
    return "".join(shown), scanner


def test_cuts_at_stop_and_never_shows_part_of_it():
    shown, scanner = feed_all(["Hello", " there", "\nSam", ": hi"], ["\nSam:"])
    assert shown == "Hello there"
    assert scanner.stopped


def test_holds_back_a_possible_stop_until_it_is_clearly_not_one():
    scanner = StopScanner(["\nSam:"])
    assert scanner.feed("Hi\nSa") == "Hi"
    assert scanner.feed("Hi\nSandra") == "\nSandra"


def test_holds_back_half_decoded_characters():
    scanner = StopScanner(["\n"])
    assert scanner.feed("caf\ufffd") == "caf"
    assert scanner.feed("café") == "é"


def test_finish_releases_held_text_and_drops_broken_tail():
    scanner = StopScanner(["\nSam:"])
    assert scanner.feed("Ok\nS") == "Ok"
    assert scanner.finish("Ok\nS\ufffd") == "\nS"
