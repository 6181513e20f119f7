import { translator } from '@spendline/i18n';
import { describe, expect, it } from 'vitest';
import { errorText, problemText, type Translate } from './api-words.ts';
import type { TypedError } from './graphql/errors.ts';
import { loadWebMessages } from './i18n/catalog.ts';
import { english } from './i18n/english.ts';

const hindi: Translate = translator(await loadWebMessages('hi'), 'hi-IN');
const spanish: Translate = translator(await loadWebMessages('es'), 'es-MX');
const portuguese: Translate = translator(await loadWebMessages('pt-BR'), 'pt-BR');
const indonesian: Translate = translator(await loadWebMessages('id'), 'id-ID');

describe('problemText', () => {
  it('keeps the api’s English words, as sentences', () => {
    for (const [problem, shown] of [
      ['must be at most 4,096 characters', 'Must be at most 4,096 characters.'],
      ['must be at least 1 character', 'Must be at least 1 character.'],
      ['must have at most 50 items', 'Must have at most 50 items.'],
      ['must be at most 23', 'Must be at most 23.'],
      ['is too far in the future', 'This is too far in the future.'],
      ['is archived; restore it first', 'This is archived; restore it first.'],
      [
        'must not contain control characters such as NUL',
        'Must not contain control characters such as NUL.',
      ],
      [
        'must be a WhatsApp number with its country code, such as +919812300000',
        'Must be a WhatsApp number with its country code, such as +919812300000.',
      ],
      [
        'That code is not right. Check the WhatsApp message and try again (1 more try).',
        'That code is not right. Check the WhatsApp message and try again (1 more try).',
      ],
      [
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
      ],
      [
        'Use at least 12 characters (this one has 10).',
        'Use at least 12 characters (this one has 10).',
      ],
      [
        'must be 1 to 40 characters of plain text, and not “personal”',
        'Must be 1 to 40 characters of plain text, and not “personal”.',
      ],
      [
        'This image could not be read. Try another photo.',
        'This image could not be read. Try another photo.',
      ],
      [
        'Dates are easy to guess. Choose a password that is harder to guess, such as a few unrelated words.',
        'Dates are easy to guess. Choose a password that is harder to guess, such as a few unrelated words.',
      ],
      ['it ends before it would first run', 'It ends before it would first run.'],
      [
        'the day of the week must be from 1 (Monday) to 7 (Sunday)',
        'The day of the week must be from 1 (Monday) to 7 (Sunday).',
      ],
      [
        'This file type can’t be used here: send a JPEG, a PNG or a WebP image.',
        'This file type can’t be used here: send a JPEG, a PNG or a WebP image.',
      ],
      ['The note is longer than 500 characters.', 'The note is longer than 500 characters.'],
    ]) {
      expect(problemText(english.t, problem!)).toBe(shown);
    }
  });

  it('says the known problems in the reader’s language, numbers written its way', () => {
    expect(problemText(portuguese, 'must be at most 4,096 characters')).toBe(
      'Deve ter no máximo 4.096 caracteres.',
    );
    expect(problemText(spanish, 'must be more than zero')).toBe('Debe ser mayor que cero.');
    expect(problemText(hindi, 'must not be empty')).toBe('खाली नहीं हो सकता।');
    expect(problemText(hindi, 'is not a valid email')).toBe('यह मान्य ईमेल नहीं है।');
    expect(
      problemText(
        portuguese,
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
      ),
    ).toBe(
      'Esse código não está certo. Confira a mensagem do WhatsApp e tente de novo (mais 4 tentativas).',
    );
    expect(problemText(hindi, 'must be from 1 (Monday) to 7 (Sunday)')).toBe(
      '1 (सोमवार) से 7 (रविवार) तक होना चाहिए।',
    );
    expect(problemText(spanish, 'Enter the 6 digits from the WhatsApp message.')).toBe(
      'Escribe los 6 dígitos del mensaje de WhatsApp.',
    );
  });

  it('says the passwords’, the recurring rules’ and the other checks’ problems in the reader’s language', () => {
    const guessable =
      'This is a commonly used password. Choose a password that is harder to guess, such as a few unrelated words.';
    for (const [problem, inPortuguese, [other, inOther]] of [
      [
        guessable,
        'Esta é uma senha comum. Escolha uma senha mais difícil de adivinhar, como algumas palavras sem relação entre si.',
        [
          hindi,
          'यह आम तौर पर इस्तेमाल होने वाला पासवर्ड है। ऐसा पासवर्ड चुनें जिसका अंदाज़ा लगाना मुश्किल हो, जैसे कुछ बेमेल शब्द।',
        ],
      ],
      [
        // A warning the catalog does not know yet still says why, in general words.
        'Too clever by half. Choose a password that is harder to guess, such as a few unrelated words.',
        'Essa senha é fácil de adivinhar. Escolha uma senha mais difícil de adivinhar, como algumas palavras sem relação entre si.',
        [
          spanish,
          'Esa contraseña es fácil de adivinar. Elige una contraseña más difícil de adivinar, como varias palabras sin relación entre sí.',
        ],
      ],
      [
        'That password is easy to guess. Choose a longer one, such as a few unrelated words.',
        'Essa senha é fácil de adivinhar. Escolha uma mais longa, como algumas palavras sem relação entre si.',
        [
          indonesian,
          'Kata sandi itu mudah ditebak. Pilih yang lebih panjang, misalnya beberapa kata yang tidak saling berhubungan.',
        ],
      ],
      [
        'is not an email address',
        'Este não é um endereço de e-mail.',
        [hindi, 'यह ईमेल पता नहीं है।'],
      ],
      [
        'must be a whole number from 1 to 366',
        'Deve ser um número inteiro de 1 a 366.',
        [spanish, 'Debe ser un número entero del 1 al 366.'],
      ],
      [
        'the interval must be a whole number from 1 to 366',
        'O intervalo deve ser um número inteiro de 1 a 366.',
        [indonesian, 'Intervalnya harus bilangan bulat dari 1 sampai 366.'],
      ],
      [
        'the day of the month must be from 1 to 31',
        'O dia do mês deve ser de 1 a 31.',
        [spanish, 'El día del mes debe ser del 1 al 31.'],
      ],
      [
        'the month must be from 1 to 12',
        'O mês deve ser de 1 a 12.',
        [hindi, 'महीना 1 से 12 तक होना चाहिए।'],
      ],
      [
        'the day of the week must be from 1 (Monday) to 7 (Sunday)',
        'O dia da semana deve ser de 1 (segunda-feira) a 7 (domingo).',
        [indonesian, 'Hari dalam minggu harus dari 1 (Senin) sampai 7 (Minggu).'],
      ],
      [
        'it ends before it would first run',
        'Termina antes do primeiro lançamento.',
        [hindi, 'यह पहली बार दर्ज होने से पहले ही ख़त्म हो जाता है।'],
      ],
      [
        'it cannot end before it starts',
        'Não pode terminar antes de começar.',
        [spanish, 'No puede terminar antes de empezar.'],
      ],
      [
        'send at most 2000 rows a call',
        'Envie no máximo 2000 linhas por vez.',
        [indonesian, 'Kirim paling banyak 2000 baris sekali kirim.'],
      ],
      [
        'must be a column index from 0',
        'Deve ser o número de uma coluna, a partir de 0.',
        [spanish, 'Debe ser el número de una columna, desde 0.'],
      ],
      ['must be 1 or more', 'Deve ser 1 ou mais.', [hindi, '1 या उससे ज़्यादा होना चाहिए।']],
      [
        'DateTime must be an ISO-8601 string with a time zone',
        'Esta não é uma data e hora válida.',
        [spanish, 'Esta no es una fecha y hora válida.'],
      ],
      [
        '"2026-02-30T25:00Z" is not a valid instant',
        'Esta não é uma data e hora válida.',
        [indonesian, 'Ini bukan tanggal dan waktu yang valid.'],
      ],
      [
        'Date must be a real date as YYYY-MM-DD',
        'Deve ser uma data real no formato AAAA-MM-DD.',
        [spanish, 'Debe ser una fecha real con el formato AAAA-MM-DD.'],
      ],
      [
        'give either text or choiceId, not both or neither',
        'Envie um texto ou uma escolha: um dos dois, não ambos.',
        [hindi, 'या तो लिखकर भेजें या कोई विकल्प चुनें, दोनों नहीं।'],
      ],
      [
        'phone must be in international format, e.g. +919812345678',
        'Deve estar no formato internacional, por exemplo +5511987654321.',
        [hindi, 'अंतरराष्ट्रीय रूप में होना चाहिए, जैसे +919812345678।'],
      ],
      [
        'give a token or a book id',
        'Informe um token ou um livro.',
        [spanish, 'Indica un token o un libro.'],
      ],
      [
        'give one way to split, not several',
        'Escolha uma única forma de dividir.',
        [indonesian, 'Pilih satu cara membagi saja.'],
      ],
      [
        'This file type can’t be used here: send a JPEG, a PNG or a WebP image.',
        'Este tipo de arquivo não pode ser usado aqui: envie um JPEG, PNG ou WebP.',
        [hindi, 'इस तरह की फ़ाइल यहाँ नहीं चलती: JPEG, PNG या WebP भेजें।'],
      ],
      [
        'This file type can’t be used here: send an OGG, an Opus file, an MP3, an M4A, an AAC file or an AMR file.',
        'Este tipo de arquivo não pode ser usado aqui: envie um OGG, Opus, MP3, M4A, AAC ou AMR.',
        [
          spanish,
          'Este tipo de archivo no se puede usar aquí: envía un OGG, Opus, MP3, M4A, AAC o AMR.',
        ],
      ],
      [
        'This file type can’t be used here: send a JPEG, a PNG, a WebP image, an OGG, an Opus file, an MP3, an M4A, an AAC file or an AMR file.',
        'Este tipo de arquivo não pode ser usado aqui: envie uma foto (JPEG, PNG ou WebP) ou um áudio (OGG, Opus, MP3, M4A, AAC ou AMR).',
        [
          indonesian,
          'Jenis file ini tidak bisa dipakai di sini: kirim foto (JPEG, PNG, atau WebP) atau file audio (OGG, Opus, MP3, M4A, AAC, atau AMR).',
        ],
      ],
      ['This file is empty.', 'Este arquivo está vazio.', [hindi, 'यह फ़ाइल ख़ाली है।']],
      [
        'This file is too large: the limit is 16 MB.',
        'Este arquivo é grande demais: o limite é 16 MB.',
        [spanish, 'Este archivo es demasiado grande: el límite es de 16 MB.'],
      ],
      [
        'The amount must be more than zero.',
        'O valor deve ser maior que zero.',
        [indonesian, 'Jumlahnya harus lebih dari nol.'],
      ],
      ['The amount is too large.', 'O valor é grande demais.', [hindi, 'रकम बहुत बड़ी है।']],
      [
        'The currency must be a three-letter code such as INR or USD.',
        'A moeda deve ser um código de três letras, como BRL ou USD.',
        [spanish, 'La moneda debe ser un código de tres letras, como MXN o USD.'],
      ],
      [
        'The date is not a date.',
        'A data não é uma data válida.',
        [indonesian, 'Tanggalnya tidak valid.'],
      ],
      [
        'The note contains control characters.',
        'A observação contém caracteres de controle.',
        [hindi, 'नोट में कंट्रोल अक्षर हैं।'],
      ],
      [
        'The note is longer than 500 characters.',
        'A observação passa de 500 caracteres.',
        [spanish, 'La nota tiene más de 500 caracteres.'],
      ],
      [
        'The payment reference must be up to 64 letters, digits, dashes or slashes.',
        'A referência do pagamento deve ter até 64 letras, dígitos, hifens ou barras.',
        [
          indonesian,
          'Referensi pembayaran harus berisi paling banyak 64 huruf, angka, tanda hubung, atau garis miring.',
        ],
      ],
    ] as const) {
      expect(problemText(portuguese, problem), problem).toBe(inPortuguese);
      expect(problemText(other, problem), problem).toBe(inOther);
    }
  });

  it('keeps a problem it does not know in the api’s words rather than dropping it', () => {
    expect(problemText(hindi, 'must rhyme with orange')).toBe('Must rhyme with orange.');
  });
});

describe('errorText', () => {
  const refused = (...messages: string[]): TypedError => ({
    __typename: 'ValidationError',
    message: messages.map((message) => `input.code: ${message}`).join('; '),
    problems: messages.map((message) => ({ path: ['input', 'code'], message })),
  });

  it('says a refused input by its first problem, not by the api’s list of paths', () => {
    expect(
      errorText(
        portuguese,
        refused('Enter the 6 digits from the WhatsApp message.', 'is too large'),
      ),
    ).toBe('Digite os 6 dígitos da mensagem do WhatsApp.');
    expect(errorText(hindi, refused())).toBe('कृपया जाँचें कि आपने क्या भरा है।');
  });

  it('says there is no live code in the reader’s language', () => {
    const missing: TypedError = {
      __typename: 'NotFoundError',
      message: 'A live code (it may have expired; ask for a new one) not found',
    };
    expect(errorText(spanish, missing)).toBe(
      'No hay un código vigente: puede haber vencido. Pide uno nuevo.',
    );
    expect(errorText(portuguese, missing)).toBe(
      'Não há código válido: ele pode ter expirado. Peça um novo.',
    );
  });
});
