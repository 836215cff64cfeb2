# rehearse's interface
